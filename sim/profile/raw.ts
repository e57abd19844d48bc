// Safe reads from the parsed-but-unchecked YAML value, so semantic checks can run even when the
// schema found problems (we report every error at once, and must not crash on a broken file).

export type Raw = Record<string, unknown>;

export function rec(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The records of a list, with their index in the list (non-records skipped, indexes kept). */
export function records(value: unknown): Array<[Raw, number]> {
  const out: Array<[Raw, number]> = [];
  list(value).forEach((v, i) => {
    const r = rec(v);
    if (r) out.push([r, i]);
  });
  return out;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function strMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec(value) ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Whether `value` has a key outside `known`: then the schema already reported it, and an
 *  "X is missing" from a semantic check would only repeat the same typo. */
export function hasUnknownKeys(value: Raw, known: readonly string[]): boolean {
  return Object.keys(value).some((k) => !known.includes(k));
}
