// Exponential reconnect backoff, pure: 100 ms, 200 ms, 400 ms … capped at 5 s, reset once connected.

export interface BackoffOptions {
  /** First delay after a loss; default 100 ms (a USB re-enumeration takes about that long). */
  readonly initialMs?: number;
  /** Longest delay; default 5000 ms, so a replugged box is back within 5 s. */
  readonly maxMs?: number;
  /** Growth per failed attempt; default 2. */
  readonly factor?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { initialMs: 100, maxMs: 5000, factor: 2 };

export class Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  private failures = 0;

  constructor(options: BackoffOptions = {}) {
    const { initialMs, maxMs, factor } = { ...DEFAULT_BACKOFF, ...options };
    if (!Number.isFinite(initialMs) || initialMs <= 0) throw new RangeError(`backoff initialMs ${initialMs} must be > 0`);
    if (!Number.isFinite(maxMs) || maxMs < initialMs) throw new RangeError(`backoff maxMs ${maxMs} must be >= initialMs ${initialMs}`);
    if (!Number.isFinite(factor) || factor < 1) throw new RangeError(`backoff factor ${factor} must be >= 1`);
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.factor = factor;
  }

  /** Failed attempts since the last reset. */
  get attempts(): number {
    return this.failures;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  next(): number {
    // The exponent is bounded so a days-long outage never computes Infinity * 0 or NaN.
    const delay = Math.min(this.maxMs, this.initialMs * this.factor ** Math.min(this.failures, 64));
    this.failures++;
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}
