// Clock instants and durations as people and the Kubernetes API write them.
import { BoundedMap } from './bounded-map.ts';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Mission elapsed time, "T+00:02:30.000" or, before liftoff, "T-00:00:10.000". Hours grow past 99
 * rather than rolling into days, as a mission clock does. Rounded to the millisecond; a value that
 * rounds to zero reads "T+00:00:00.000".
 */
export function formatMissionTime(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatMissionTime: need a finite number of ms, got ${ms}`);
  const total = Math.round(Math.abs(ms));
  const sign = ms < 0 && total > 0 ? '-' : '+';
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  return `T${sign}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(total % 1000, 3)}`;
}

/** Go's RFC 3339 formatting only covers years 0000-9999 (json.Marshal of a time.Time errors outside them). */
function isoUtc(ms: number, caller: string): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(ms) || Number.isNaN(d.getTime()) || year < 0 || year > 9999) {
    throw new RangeError(`${caller}: ${ms} ms is outside the years 0000-9999 that RFC 3339 timestamps can hold`);
  }
  return d.toISOString(); // "YYYY-MM-DDTHH:MM:SS.mmmZ" for years 0-9999
}

/**
 * metav1.Time on the wire: "2026-01-01T00:00:00Z", second precision, fraction truncated (not rounded).
 * upstream: k8s.io/apimachinery/pkg/apis/meta/v1/time.go MarshalJSON, t.UTC().Format(time.RFC3339).
 */
export function rfc3339Seconds(ms: number): string {
  // Controllers stamp many objects in one clock second (a node monitor pass, a burst of Events): format it once.
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastSecondText;
  const text = `${isoUtc(ms, 'rfc3339Seconds').slice(0, 19)}Z`;
  lastSecond = second;
  lastSecondText = text;
  return text;
}

let lastSecond = Number.NaN;
let lastSecondText = '';

/**
 * metav1.MicroTime on the wire (Lease renewTime, events.k8s.io eventTime): "2026-01-01T00:00:00.123000Z".
 * upstream: k8s.io/apimachinery/pkg/apis/meta/v1/micro_time.go, RFC3339Micro "2006-01-02T15:04:05.000000Z07:00".
 * Our clocks tick in whole ms, so the last three digits are always 000.
 */
export function rfc3339Micro(ms: number): string {
  const whole = Math.floor(ms);
  if (whole === lastMs) return lastMsText;
  const text = `${isoUtc(whole, 'rfc3339Micro').slice(0, 23)}000Z`;
  lastMs = whole;
  lastMsText = text;
  return text;
}

let lastMs = Number.NaN;
let lastMsText = '';

/**
 * Date.parse of a Kubernetes timestamp, remembered for the few distinct ones in use: every pod and Event stamped
 * in one clock second shares that second's string, and controllers read those times on every write they watch
 * (ready-since, lease renewals). NaN when the text is not a date, as Date.parse.
 */
export function parseTimestamp(text: string): number {
  return parsedTimestamps.get(text) ?? parsedTimestamps.set(text, Date.parse(text));
}

const parsedTimestamps = new BoundedMap<string, number>(256);
