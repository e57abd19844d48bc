// Shared clock and helpers for the table tests: a fixed "now" and timestamps relative to it.

export const NOW = Date.parse('2025-03-01T12:00:00Z');
export const S = 1000;
export const M = 60 * S;
export const H = 60 * M;
export const D = 24 * H;

/** The RFC 3339 time `ms` before NOW, as metav1.Time serializes it. */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
