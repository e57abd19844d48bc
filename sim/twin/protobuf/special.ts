// JSON forms of the apimachinery types whose protobuf shape differs from their JSON shape.
import { ProtobufDecodeError } from './errors.ts';

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';
export const TIME = `${META}.Time`;
export const MICRO_TIME = `${META}.MicroTime`;
export const DURATION = `${META}.Duration`;
export const FIELDS_V1 = `${META}.FieldsV1`;
export const QUANTITY = 'k8s.io.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'k8s.io.apimachinery.pkg.util.intstr.IntOrString';
export const RAW_EXTENSION = 'k8s.io.apimachinery.pkg.runtime.RawExtension';

export const SPECIAL_MESSAGES: ReadonlySet<string> = new Set([
  TIME, MICRO_TIME, DURATION, FIELDS_V1, QUANTITY, INT_OR_STRING, RAW_EXTENSION,
]);

/** Unix seconds of Go's zero time.Time (0001-01-01T00:00:00Z), which marshals to JSON null. */
const GO_ZERO_SECONDS = -62135596800;
/** time.Time.MarshalJSON only accepts years 0000–9999. */
const MIN_SECONDS = -62167219200;
const MAX_SECONDS = 253402300799;

function isoSeconds(seconds: number, path: string): string {
  if (!Number.isFinite(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new ProtobufDecodeError(`timestamp ${seconds}s is outside years 0000-9999`, path);
  }
  return new Date(seconds * 1000).toISOString().slice(0, 19); // toISOString pads years to 4 digits in this range
}

/**
 * metav1.Time → RFC 3339 seconds, or null for the zero time.
 * upstream: apimachinery/pkg/apis/meta/v1/time_proto.go Unmarshal keeps seconds only (nanos dropped), and
 * time.go MarshalJSON formats UTC with time.RFC3339.
 */
export function timeToJson(seconds: number, empty: boolean, path: string): string | null {
  if (empty || seconds === GO_ZERO_SECONDS) return null;
  return `${isoSeconds(seconds, path)}Z`;
}

/** metav1.MicroTime → RFC 3339 with 6 fraction digits (upstream: micro_time.go RFC3339Micro), null when zero. */
export function microTimeToJson(seconds: number, nanos: number, empty: boolean, path: string): string | null {
  // Go's time.Unix normalises nanos outside [0, 1e9) into the seconds.
  const carry = Math.floor(nanos / 1e9);
  const s = seconds + carry;
  const ns = nanos - carry * 1e9;
  if (empty || (s === GO_ZERO_SECONDS && ns === 0)) return null;
  return `${isoSeconds(s, path)}.${String(Math.floor(ns / 1000)).padStart(6, '0')}Z`;
}

/** Fraction digits of v / 10^prec without trailing zeros, as Go's time.fmtFrac. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    print ||= d !== 0n;
    if (print) digits = `${d}${digits}`;
    v /= 10n;
  }
  return [print ? `.${digits}` : '', v];
}

/** metav1.Duration (nanoseconds) → Go's time.Duration.String(), e.g. "1h0m0s", "1.5s", "300ms". */
export function durationToJson(nanos: bigint): string {
  const neg = nanos < 0n;
  let u = neg ? -nanos : nanos;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    const [unit, prec] = u < 1000n ? ['ns', 0] : u < 1_000_000n ? ['µs', 3] : ['ms', 6];
    const [frac, whole] = fmtFrac(u, prec as number);
    out = `${whole}${frac}${unit}`;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** intstr.IntOrString → number or string (upstream: intstr.go MarshalJSON). */
export function intOrStringToJson(type: number, intVal: number, strVal: string, path: string): number | string {
  if (type === 0) return intVal;
  if (type === 1) return strVal;
  throw new ProtobufDecodeError(`impossible IntOrString.Type ${type}`, path);
}

/** RawExtension.raw and FieldsV1.Raw hold JSON text; an empty one is JSON null. */
export function rawJson(raw: Uint8Array, path: string): unknown {
  if (raw.length === 0) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ProtobufDecodeError(`embedded raw value is not JSON: ${(e as Error).message}`, path);
  }
}
