// Safe readers for untrusted plain-JSON objects, so a printer never throws on an odd shape.

export type JsonRecord = Readonly<Record<string, unknown>>;

const EMPTY: JsonRecord = Object.freeze({});

/** The value as an object, or an empty one (Go's zero-valued struct). */
export function rec(v: unknown): JsonRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonRecord) : EMPTY;
}

/** The value as an array, or an empty one (Go's nil slice). */
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

/** Integers as Go's int32/int64 fields decode them; anything else is the zero value. */
export function int(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}

export function bool(v: unknown): boolean {
  return v === true;
}

/** True where Go would see a non-nil pointer to a struct (e.g. `state.terminated`). */
export function present(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}

/** True where Go would see a non-nil pointer of any kind (e.g. `metadata.deletionTimestamp`). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Number of keys of a map field (`len(obj.Data)`). */
export function mapLen(v: unknown): number {
  return Object.keys(rec(v)).length;
}

/** A map field of strings (labels, selectors); non-string values are dropped. */
export function stringMap(v: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(rec(v))) if (typeof val === 'string') out[k] = val;
  return out;
}
