// AGE-style durations, ported from k8s.io/apimachinery/pkg/util/duration and the printers'
// translateTimestampSince helpers.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's integer division of durations truncates toward zero. */
function div(ms: number, unit: number): number {
  return Math.trunc(ms / unit);
}

/**
 * A succinct duration with ~2-3 significant figures ("45s", "3m20s", "2d3h", "<invalid>").
 * upstream: k8s.io/apimachinery/pkg/util/duration/duration.go HumanDuration
 */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '<invalid>';
  // Up to 2 s in the future is tolerated as clock skew and reads as "0s".
  const seconds = div(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = div(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = div(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${div(hours, 24)}d` : `${div(hours, 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${div(hours, 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = div(hours, 24) % 365;
    const y = div(hours, 24 * 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${div(hours, 24 * 365)}y`;
}

/** Go's zero time.Time (0001-01-01T00:00:00Z), which metav1.Time.IsZero reports as unset. */
const GO_ZERO_TIME = -62135596800000;

/** Parses a metav1.Time / MicroTime string (RFC 3339) to epoch ms; undefined when unset or zero. */
export function parseTime(v: unknown): number | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t) || t <= GO_ZERO_TIME) return undefined;
  return t;
}

/**
 * Elapsed time since a timestamp, "<unknown>" when it is unset.
 * upstream: pkg/printers/internalversion/printers.go translateTimestampSince
 */
export function translateTimestampSince(ts: unknown, now: number): string {
  const t = parseTime(ts);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/**
 * A timestamp as metav1.Time marshals it: RFC 3339 in UTC with whole seconds; Go's zero time
 * when unset. upstream: apiserver/pkg/registry/rest/table.go (the "Created At" cell)
 */
export function formatRFC3339(ts: unknown): string {
  const t = parseTime(ts);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
