// Label key and value validation with upstream's exact messages (they reach kubectl users verbatim), and the
// error formatting selectors need. The name rules themselves live in one place: sim/twin/validation/names.ts.
// upstream: k8s.io/apimachinery/pkg/util/validation/validation.go IsQualifiedName, IsValidLabelValue

export { isQualifiedName, isValidLabelValue } from '../validation/names.ts';

/** `<field>: Invalid value: <json>: <detail>` as field.Invalid(...).Error() prints it. */
export function fieldInvalid(field: string, value: unknown, detail: string): string {
  // upstream: field/errors.go ErrorBody — strings are %q-quoted, other values JSON-marshalled.
  const shown = typeof value === 'string' ? goQuote(value) : JSON.stringify(value ?? null);
  return `${field}: Invalid value: ${shown}${detail ? `: ${detail}` : ''}`;
}

/** Go's %q for the printable-ASCII strings labels can hold; JSON escaping is close enough for the rest. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several as `[a, b]` (duplicates dropped). */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}
