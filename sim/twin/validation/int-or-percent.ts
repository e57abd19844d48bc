// IntOrString fields that hold a count or a percentage (maxSurge, maxUnavailable, minAvailable).
// upstream: kubernetes/pkg/apis/apps/validation ValidatePositiveIntOrPercent, IsNotMoreThan100Percent.

import { Printed, invalid, type FieldCause } from './field-cause.ts';
import { isValidPercent } from './names.ts';

const NEGATIVE = 'must be greater than or equal to 0';

// IntOrString prints through its String() method: unquoted.
const printed = (v: unknown): Printed => new Printed(String(v));

export function validatePositiveIntOrPercent(v: unknown, path: string): FieldCause[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, printed(v), m));
  if (typeof v === 'number') return v < 0 ? [invalid(path, v, NEGATIVE)] : [];
  return [invalid(path, printed(JSON.stringify(v)), "must be an integer or percentage (e.g '5%')")];
}

/** The percentage a "NN%" string holds, if it is one. */
export function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

export function isNotMoreThan100Percent(v: unknown, path: string): FieldCause[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(path, printed(v), 'must not be greater than 100%')] : [];
}

/** The number or percentage as a plain number (for "both zero" checks). */
export function intOrPercentValue(v: unknown): number {
  return typeof v === 'number' ? v : (percentValue(v) ?? 0);
}
