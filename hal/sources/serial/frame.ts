// NMEA-style framing of the switch box line: `$KIS,<TYPE>,<field>,…*<XOR checksum, 2 hex>\r\n`.
// Pure and incremental: bytes in (any chunking), frames and framing errors out; never throws on input.

const DOLLAR = 0x24;
const STAR = 0x2a;
const CR = 0x0d;
const LF = 0x0a;

/** NMEA 0183 caps a sentence at 82 characters including `$` and CRLF; we default to the same. */
export const DEFAULT_MAX_FRAME_LENGTH = 82;
export const TALKER = 'KIS';

export interface Frame {
  /** Frame type, e.g. "SEP". */
  readonly type: string;
  /** The comma-separated fields after the type (possibly empty strings). */
  readonly fields: readonly string[];
  /** The whole frame as received, `$` through `*HH`, without CRLF. */
  readonly raw: string;
}

export type FrameErrorKind = 'bad-checksum' | 'too-long' | 'malformed';

export interface FrameError {
  readonly kind: FrameErrorKind;
  /** What was wrong, for logs ("checksum 4F, computed 4E"). */
  readonly reason: string;
  /** The offending bytes, printable ASCII with others escaped as \xNN, cut at 100 characters. */
  readonly text: string;
}

export interface FrameCounters {
  good: number;
  badChecksum: number;
  tooLong: number;
  /** Torn frames (a `$` before the CRLF), bad characters, a missing `*HH`, a foreign talker. */
  malformed: number;
  /** Bytes outside any frame (noise between frames, the tail of a torn frame). */
  garbageBytes: number;
}

export interface PushResult {
  readonly frames: Frame[];
  readonly errors: FrameError[];
}

export interface FrameParserOptions {
  /** Longest accepted frame in bytes, `$` through LF inclusive. Default 82 (NMEA). */
  readonly maxFrameLength?: number;
}

/** XOR of the bytes between `$` and `*` (NMEA 0183 checksum). */
export function checksum(body: string): number {
  let cs = 0;
  for (let i = 0; i < body.length; i++) cs ^= body.charCodeAt(i) & 0xff;
  return cs;
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

const FIELD_RE = /^[\x20-\x7e]*$/;
const TYPE_RE = /^[A-Z][A-Z0-9]{0,7}$/;

/**
 * Encodes one frame, CRLF included. Throws RangeError on a field that could not be read back
 * (`,`, `*`, `$` or a non-printable character), so a sender can never emit an ambiguous frame.
 */
export function encodeFrame(type: string, fields: readonly (string | number)[]): string {
  if (!TYPE_RE.test(type)) throw new RangeError(`frame type ${JSON.stringify(type)} must match ${TYPE_RE.source}`);
  const parts = fields.map((f) => String(f));
  for (const p of parts) {
    if (!FIELD_RE.test(p) || /[,*$]/.test(p)) {
      throw new RangeError(`frame field ${JSON.stringify(p)} contains ",", "*", "$" or a non-printable character`);
    }
  }
  const body = [TALKER, type, ...parts].join(',');
  return `$${body}*${hex2(checksum(body))}\r\n`;
}

/** The same frame as bytes, ready for a serial port. */
export function encodeFrameBytes(type: string, fields: readonly (string | number)[]): Uint8Array {
  return new TextEncoder().encode(encodeFrame(type, fields));
}

function preview(bytes: Uint8Array, len: number): string {
  let out = '';
  for (let i = 0; i < len && out.length < 100; i++) {
    const b = bytes[i]!;
    out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : `\\x${hex2(b)}`;
  }
  return out.length > 100 ? out.slice(0, 100) : out;
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/**
 * hunt: between frames, everything but `$` is garbage. frame: inside a frame.
 * skip: after a too-long frame, drop its rest until its LF or the next `$`.
 */
type State = 'hunt' | 'frame' | 'skip';

/** Incremental frame parser; one per serial device. Call reset() after a reconnect. */
export class FrameParser {
  readonly maxFrameLength: number;
  private readonly buf: Uint8Array;
  private len = 0;
  private state: State = 'hunt';
  private readonly count: FrameCounters = { good: 0, badChecksum: 0, tooLong: 0, malformed: 0, garbageBytes: 0 };

  constructor(options: FrameParserOptions = {}) {
    const max = options.maxFrameLength ?? DEFAULT_MAX_FRAME_LENGTH;
    // The shortest frame, "$KIS,X*HH\r\n", is 11 bytes.
    if (!Number.isSafeInteger(max) || max < 11 || max > 65_536) {
      throw new RangeError(`maxFrameLength ${max} must be an integer in 11..65536`);
    }
    this.maxFrameLength = max;
    this.buf = new Uint8Array(max);
  }

  /** A snapshot of the counters since construction (reset() keeps them). */
  get counters(): Readonly<FrameCounters> {
    return { ...this.count };
  }

  /** Drops a partial frame, e.g. when the device vanished mid-frame. Counters are kept. */
  reset(): void {
    this.len = 0;
    this.state = 'hunt';
  }

  push(bytes: Uint8Array): PushResult {
    const frames: Frame[] = [];
    const errors: FrameError[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === DOLLAR) {
        if (this.state === 'frame') {
          this.fail(errors, 'malformed', 'torn frame: a new "$" arrived before CRLF');
        }
        this.state = 'frame';
        this.buf[0] = b;
        this.len = 1;
        continue;
      }
      if (this.state === 'hunt') {
        this.count.garbageBytes++;
        continue;
      }
      if (this.state === 'skip') {
        if (b === LF) this.state = 'hunt';
        continue;
      }
      this.inFrame(b, frames, errors);
    }
    return { frames, errors };
  }

  private inFrame(b: number, frames: Frame[], errors: FrameError[]): void {
    if (this.len >= this.maxFrameLength) {
      this.count.tooLong++;
      errors.push({ kind: 'too-long', reason: `longer than ${this.maxFrameLength} bytes`, text: preview(this.buf, this.len) });
      this.len = 0;
      this.state = b === LF ? 'hunt' : 'skip';
      return;
    }
    const afterCr = this.buf[this.len - 1] === CR;
    this.buf[this.len++] = b;
    if (afterCr) {
      if (b === LF) this.complete(frames, errors);
      else this.fail(errors, 'malformed', 'CR not followed by LF');
    } else if (b === LF) {
      this.fail(errors, 'malformed', 'LF without CR');
    } else if (b !== CR && (b < 0x20 || b > 0x7e)) {
      this.fail(errors, 'malformed', `non-printable byte 0x${hex2(b)} inside a frame`);
    }
  }

  private fail(errors: FrameError[], kind: 'malformed' | 'bad-checksum', reason: string): void {
    if (kind === 'malformed') this.count.malformed++;
    else this.count.badChecksum++;
    errors.push({ kind, reason, text: preview(this.buf, this.len) });
    this.len = 0;
    this.state = 'hunt';
  }

  /** buf holds `$` … CR LF, every byte between printable. */
  private complete(frames: Frame[], errors: FrameError[]): void {
    const n = this.len;
    const star = n - 5;
    if (n < 11 || this.buf[star] !== STAR) {
      this.fail(errors, 'malformed', 'no "*HH" checksum before CRLF');
      return;
    }
    const hi = hexValue(this.buf[n - 4]!);
    const lo = hexValue(this.buf[n - 3]!);
    if (hi < 0 || lo < 0) {
      this.fail(errors, 'malformed', 'checksum is not two hex digits');
      return;
    }
    let cs = 0;
    let body = '';
    for (let i = 1; i < star; i++) {
      const c = this.buf[i]!;
      if (c === STAR) {
        this.fail(errors, 'malformed', '"*" inside the frame body');
        return;
      }
      cs ^= c;
      body += String.fromCharCode(c);
    }
    const expected = (hi << 4) | lo;
    if (cs !== expected) {
      this.fail(errors, 'bad-checksum', `checksum ${hex2(expected)}, computed ${hex2(cs)}`);
      return;
    }
    const parts = body.split(',');
    if (parts[0] !== TALKER || parts.length < 2 || !TYPE_RE.test(parts[1]!)) {
      this.fail(errors, 'malformed', `not a "$${TALKER},<TYPE>" frame`);
      return;
    }
    this.count.good++;
    const raw = `$${body}*${String.fromCharCode(this.buf[n - 4]!, this.buf[n - 3]!)}`;
    frames.push({ type: parts[1]!, fields: parts.slice(2), raw });
    this.len = 0;
    this.state = 'hunt';
  }
}
