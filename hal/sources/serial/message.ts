// Typed decode/encode of the switch box frames (SEP, PWR, LNK, HB, ARM) with strict field validation.
import { encodeFrame, type Frame } from './frame.ts';

/** One switch of a separation plane. `separated` is the raw (not yet debounced) reading: 1 = separated. */
export interface SepMessage {
  readonly type: 'SEP';
  readonly switchId: string;
  readonly separated: boolean;
}

export interface PwrMessage {
  readonly type: 'PWR';
  readonly bus: string;
  readonly millivolts: number;
}

/** 1 = link up. */
export interface LnkMessage {
  readonly type: 'LNK';
  readonly link: string;
  readonly up: boolean;
}

/** Box heartbeat; `seq` counts up and wraps at 2^32, a drop to a small value means the box restarted. */
export interface HbMessage {
  readonly type: 'HB';
  readonly seq: number;
}

/** The box's arm/safe key: 1 = armed. */
export interface ArmMessage {
  readonly type: 'ARM';
  readonly armed: boolean;
}

export type SerialMessage = SepMessage | PwrMessage | LnkMessage | HbMessage | ArmMessage;
export type SerialMessageType = SerialMessage['type'];

export type DecodeResult =
  | { readonly ok: true; readonly message: SerialMessage }
  | { readonly ok: false; readonly error: string };

/** Ids are short and plain so they can be MQTT topic levels and label values as well. */
const ID_RE = /^[A-Za-z0-9_.-]{1,32}$/;
const FLAG_RE = /^[01]$/;
/** Up to 9,999,999 mV (10 kV) — anything more is line noise, not a bus reading. */
const MILLIVOLTS_RE = /^[0-9]{1,7}$/;
const SEQ_RE = /^[0-9]{1,10}$/;
const SEQ_MAX = 0xffff_ffff;

const ARITY: Readonly<Record<SerialMessageType, number>> = { SEP: 2, PWR: 2, LNK: 2, HB: 1, ARM: 1 };

function bad(error: string): DecodeResult {
  return { ok: false, error };
}

function checkId(what: string, value: string): string | undefined {
  return ID_RE.test(value) ? undefined : `${what} ${JSON.stringify(value)} must match ${ID_RE.source}`;
}

function checkFlag(what: string, value: string): string | undefined {
  return FLAG_RE.test(value) ? undefined : `${what} must be 0 or 1, got ${JSON.stringify(value)}`;
}

/** Turns a checksum-valid frame into a typed message, or says which field is wrong. */
export function decodeFrame(frame: Frame): DecodeResult {
  const type = frame.type;
  if (!Object.hasOwn(ARITY, type)) return bad(`unknown frame type ${JSON.stringify(type)}`);
  const t = type as SerialMessageType;
  const f = frame.fields;
  if (f.length !== ARITY[t]) return bad(`${t} takes ${ARITY[t]} field(s), got ${f.length}`);
  switch (t) {
    case 'SEP': {
      const err = checkId('switch id', f[0]!) ?? checkFlag('SEP state', f[1]!);
      return err ? bad(err) : { ok: true, message: { type: t, switchId: f[0]!, separated: f[1] === '1' } };
    }
    case 'PWR': {
      const err =
        checkId('bus', f[0]!) ??
        (MILLIVOLTS_RE.test(f[1]!) ? undefined : `PWR millivolts must be 1-7 digits, got ${JSON.stringify(f[1])}`);
      return err ? bad(err) : { ok: true, message: { type: t, bus: f[0]!, millivolts: Number(f[1]) } };
    }
    case 'LNK': {
      const err = checkId('link', f[0]!) ?? checkFlag('LNK state', f[1]!);
      return err ? bad(err) : { ok: true, message: { type: t, link: f[0]!, up: f[1] === '1' } };
    }
    case 'HB': {
      const seq = Number(f[0]);
      if (!SEQ_RE.test(f[0]!) || seq > SEQ_MAX) return bad(`HB seq must be an integer 0..${SEQ_MAX}, got ${JSON.stringify(f[0])}`);
      return { ok: true, message: { type: t, seq } };
    }
    case 'ARM': {
      const err = checkFlag('ARM state', f[0]!);
      return err ? bad(err) : { ok: true, message: { type: t, armed: f[0] === '1' } };
    }
  }
}

const flag = (b: boolean): string => (b ? '1' : '0');

/**
 * Encodes a message as a frame (CRLF included), e.g. for `kis switchbox`. Validates like the
 * decoder, so what we send always decodes to the same message.
 */
export function encodeMessage(message: SerialMessage): string {
  const fields = messageFields(message);
  const line = encodeFrame(message.type, fields);
  const check = decodeFrame({ type: message.type, fields, raw: line });
  if (!check.ok) throw new RangeError(`cannot encode ${message.type}: ${check.error}`);
  return line;
}

function messageFields(m: SerialMessage): string[] {
  switch (m.type) {
    case 'SEP':
      return [m.switchId, flag(m.separated)];
    case 'PWR':
      return [m.bus, String(m.millivolts)];
    case 'LNK':
      return [m.link, flag(m.up)];
    case 'HB':
      return [String(m.seq)];
    case 'ARM':
      return [flag(m.armed)];
  }
}
