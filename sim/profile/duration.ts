// Durations ("45s", "2m30s", "500ms", 150) and mission times ("T+150s", "T-10s") in milliseconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const NUMBER = /^[0-9]+(\.[0-9]+)?$/;
// Go's time.ParseDuration grammar (a sequence of <number><unit>), restricted to the units a flight needs.
const PART = /([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/y;

/**
 * Parses a duration: a non-negative number of seconds, or a string of `<number><unit>` parts
 * (units ms, s, m, h), e.g. "45s", "2m30s", "1h", "1.5s". Returns milliseconds (rounded),
 * or undefined when the input is not a duration.
 */
export function parseDuration(input: unknown): number | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 ? Math.round(input * 1000) : undefined;
  }
  if (typeof input !== 'string' || input.length === 0) return undefined;
  if (NUMBER.test(input)) return Math.round(Number(input) * 1000);
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < input.length) {
    const start = PART.lastIndex;
    const m = PART.exec(input);
    if (!m || m.index !== start) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  }
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/**
 * Parses a mission time: "T+150s", "T+2m30s", "T-10s", "T0", a bare duration ("150s", "150",
 * meaning T+) or a number of seconds (negative = before T+0). Returns milliseconds of mission time.
 */
export function parseMissionTime(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? Math.round(input * 1000) : undefined;
  if (typeof input !== 'string') return undefined;
  let sign = 1;
  let rest = input;
  if (rest.startsWith('T-')) {
    sign = -1;
    rest = rest.slice(2);
  } else if (rest.startsWith('T+')) {
    rest = rest.slice(2);
  } else if (rest.startsWith('T')) {
    rest = rest.slice(1);
  }
  const ms = parseDuration(rest);
  if (ms === undefined) return undefined;
  return ms === 0 ? 0 : sign * ms;
}

/** Formats a duration for messages: 150000 → "2m30s", 500 → "500ms", 0 → "0s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.abs(ms);
  let out = '';
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  if (rest > 0) out += `${Math.round(rest)}ms`;
  return out;
}

/** Formats a mission time for messages: 150000 → "T+2m30s", -10000 → "T-10s". */
export function formatMissionTime(ms: number): string {
  return `T${ms < 0 ? '-' : '+'}${formatDuration(ms)}`;
}
