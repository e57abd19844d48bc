// Reconnect delays for the live WebSocket: exponential with jitter, capped, so a restarted server is
// not hit by every browser at the same instant.

export interface BackoffOptions {
  /** Delay before the first retry (ms). */
  readonly baseMs: number;
  /** Never wait longer than this (ms). */
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 10_000, factor: 2 };

/**
 * Delay before retry number `attempt` (0 = first retry). "Equal jitter": half the exponential delay
 * is fixed and half random, so retries spread out yet never come back at once.
 * `random` returns [0, 1) — injected so tests are deterministic.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(0, Math.floor(Number.isFinite(attempt) ? attempt : 0));
  // Cap the exponent first: factor ** 1000 is Infinity and Infinity/2 + … stays Infinity.
  const exp = Math.min(options.maxMs, options.baseMs * Math.pow(options.factor, Math.min(n, 64)));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(exp / 2 + (exp / 2) * r);
}
