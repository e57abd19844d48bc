// Structural equality for JSON-shaped values: what "this write changes nothing" means.

/** True when `a` and `b` would serialise to the same JSON (key order ignored; undefined members ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let countA = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    countA++;
    if (!jsonEqual(ra[k], rb[k])) return false;
  }
  let countB = 0;
  for (const k in rb) if (rb[k] !== undefined) countB++;
  return countA === countB;
}

/** Equality of every top-level member except those in `skip` (e.g. metadata and status). */
export function equalExcept(a: Record<string, unknown>, b: Record<string, unknown>, skip: ReadonlySet<string>): boolean {
  for (const k in a) {
    if (skip.has(k) || a[k] === undefined) continue;
    if (!jsonEqual(a[k], b[k])) return false;
  }
  for (const k in b) {
    if (skip.has(k) || b[k] === undefined) continue;
    if (a[k] === undefined) return false;
  }
  return true;
}
