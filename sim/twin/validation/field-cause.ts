// Field errors as upstream's apiserver reports them in a 422 Invalid status, and the status message built from them.
// upstream: k8s.io/apimachinery/pkg/util/validation/field/errors.go (Error, ErrorBody, ErrorList.ToAggregate)

export type FieldCauseReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong';

/** One StatusCause: `message` is upstream's ErrorBody (`Invalid value: -1: must be …`), `field` the field path. */
export interface FieldCause {
  reason: FieldCauseReason;
  field: string;
  message: string;
}

/** A value already printed the way Go's %#v / Stringer would print it (structs, maps, IntOrString). */
export class Printed {
  constructor(readonly text: string) {}
}

/** upstream: ErrorBody's value printing — %v for numbers and bools, %q for strings, "null" for nil. */
export function formatValue(value: unknown): string {
  if (value instanceof Printed) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** Go's %#v of a map[string]string: `map[string]string{"a":"b", "c":"d"}` (keys sorted). */
export function goStringMap(m: Readonly<Record<string, unknown>> | null | undefined): Printed {
  if (m === null || m === undefined) return new Printed('map[string]string(nil)');
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(m[k]))}`);
  return new Printed(`map[string]string{${entries.join(', ')}}`);
}

const withDetail = (head: string, detail: string): string => (detail === '' ? head : `${head}: ${detail}`);

export const required = (field: string, detail = ''): FieldCause => ({
  reason: 'FieldValueRequired',
  field,
  message: withDetail('Required value', detail),
});

export const invalid = (field: string, value: unknown, detail: string): FieldCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: withDetail(`Invalid value: ${formatValue(value)}`, detail),
});

export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldCause => ({
  reason: 'FieldValueNotSupported',
  field,
  message: withDetail(
    `Unsupported value: ${formatValue(value)}`,
    supported.length === 0 ? '' : `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  ),
});

export const duplicate = (field: string, value: unknown, detail = ''): FieldCause => ({
  reason: 'FieldValueDuplicate',
  field,
  message: withDetail(`Duplicate value: ${formatValue(value)}`, detail),
});

export const forbidden = (field: string, detail: string): FieldCause => ({
  reason: 'FieldValueForbidden',
  field,
  message: withDetail('Forbidden', detail),
});

export const tooLong = (field: string, maxBytes: number): FieldCause => ({
  reason: 'FieldValueTooLong',
  field,
  message: `Too long: may not be more than ${maxBytes} ${maxBytes === 1 ? 'byte' : 'bytes'}`,
});

/** upstream: field.Error.Error() — `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export function causeText(c: FieldCause): string {
  return c.field === '' ? c.message : `${c.field}: ${c.message}`;
}

/**
 * upstream: apierrors.NewInvalid — `Deployment.apps "web" is invalid: <aggregate>`, where the aggregate is the one
 * message alone or `[a, b]`, duplicates dropped (ErrorList.ToAggregate).
 */
export function invalidMessage(kind: string, group: string, name: string, causes: readonly FieldCause[]): string {
  const qualified = group === '' ? kind : `${kind}.${group}`;
  const msgs = [...new Set(causes.map(causeText))];
  const agg = msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
  return `${qualified} ${JSON.stringify(name)} is invalid: ${agg}`;
}

/** Field path helpers: child("spec", "replicas"), index("spec.containers", 0), key("…requests", "cpu"). */
export const child = (path: string, ...names: string[]): string => [path, ...names].filter((p) => p !== '').join('.');
export const index = (path: string, i: number): string => `${path}[${i}]`;
export const key = (path: string, k: string): string => `${path}[${k}]`;
