// Tolerant readers for untyped request bodies: validation must never throw on a malformed shape.

export type Obj = Record<string, unknown>;

export function isRecord(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The record at `v`, or an empty one. */
export const rec = (v: unknown): Obj => (isRecord(v) ? v : {});
/** The array at `v`, or an empty one. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** The string at `v`, or "" (Go's zero value, which is what upstream validates when a field is absent). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The number at `v`, or undefined when absent or not a number. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
