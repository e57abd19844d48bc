// Switch-box supervision, pure: a box silent for `timeoutMs` raises a box-fault alarm — never a
// separation, because a cut cable must not look like a stage leaving. Time is passed in.

export const DEFAULT_HEARTBEAT_TIMEOUT_MS = 1000;
const SEQ_MODULUS = 2 ** 32;

export interface HeartbeatOptions {
  readonly box: string;
  /** Silence longer than this (ms) is a fault. Default 1000; a box beating at 10 Hz misses 10. */
  readonly timeoutMs?: number;
  /** When supervision starts: a box that never beats faults at startMs + timeoutMs. */
  readonly startMs: number;
}

export type HeartbeatEvent =
  | { readonly kind: 'box-fault'; readonly box: string; readonly atMs: number; readonly lastSeenMs: number | null }
  | { readonly kind: 'box-recovered'; readonly box: string; readonly atMs: number; readonly silentMs: number }
  /** seq went backwards: the box rebooted, so its switch states must be re-read. */
  | { readonly kind: 'box-restarted'; readonly box: string; readonly atMs: number; readonly seq: number; readonly previousSeq: number }
  /** Heartbeats were lost on the line (frames dropped by noise or checksum errors). */
  | { readonly kind: 'seq-gap'; readonly box: string; readonly atMs: number; readonly missed: number };

export class HeartbeatMonitor {
  readonly box: string;
  readonly timeoutMs: number;
  private lastSeen: number | null = null;
  private lastSeq: number | null = null;
  private readonly startMs: number;
  private fault = false;
  private lastMs: number;
  private readonly pending: HeartbeatEvent[] = [];

  constructor(options: HeartbeatOptions) {
    const timeout = options.timeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS;
    if (!Number.isFinite(timeout) || timeout <= 0) throw new RangeError(`box ${options.box}: timeoutMs ${timeout} must be > 0`);
    if (!Number.isFinite(options.startMs)) throw new RangeError(`box ${options.box}: startMs must be finite`);
    this.box = options.box;
    this.timeoutMs = timeout;
    this.startMs = options.startMs;
    this.lastMs = options.startMs;
  }

  get faulted(): boolean {
    return this.fault;
  }

  /** When the box will be declared faulty if it stays silent (undefined while faulted). */
  nextDeadline(): number | undefined {
    return this.fault ? undefined : (this.lastSeen ?? this.startMs) + this.timeoutMs;
  }

  /** An HB frame with sequence number `seq` arrived at `atMs`. */
  beat(seq: number, atMs: number): void {
    this.advance(atMs);
    if (this.fault) {
      this.fault = false;
      this.pending.push({ kind: 'box-recovered', box: this.box, atMs, silentMs: atMs - (this.lastSeen ?? this.startMs) });
    }
    const prev = this.lastSeq;
    if (prev !== null && seq !== prev) {
      const step = (seq - prev + SEQ_MODULUS) % SEQ_MODULUS;
      // A forward step of more than half the range is really a step backwards: a restart.
      if (step > SEQ_MODULUS / 2) this.pending.push({ kind: 'box-restarted', box: this.box, atMs, seq, previousSeq: prev });
      else if (step > 1) this.pending.push({ kind: 'seq-gap', box: this.box, atMs, missed: step - 1 });
    }
    this.lastSeq = seq;
    this.lastSeen = atMs;
  }

  poll(atMs: number): HeartbeatEvent[] {
    this.advance(atMs);
    return this.pending.splice(0);
  }

  private advance(atMs: number): void {
    if (!Number.isFinite(atMs) || atMs < this.lastMs) {
      throw new RangeError(`time went backwards or is not finite: ${atMs} after ${this.lastMs}`);
    }
    this.lastMs = atMs;
    const deadline = this.nextDeadline();
    if (deadline !== undefined && atMs >= deadline) {
      this.fault = true;
      this.pending.push({ kind: 'box-fault', box: this.box, atMs: deadline, lastSeenMs: this.lastSeen });
    }
  }
}
