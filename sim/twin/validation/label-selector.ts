// LabelSelector validation and template matching for the workload controllers' specs.
// upstream: k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabelSelector(Requirement);
// metav1.LabelSelectorAsSelector (nil → Nothing, empty → Everything).

import { labelSelectorFromSpec, matchesLabels, type LabelSelectorSpec } from '../selectors/index.ts';
import { child, forbidden, index, invalid, required, type FieldCause } from './field-cause.ts';
import { validateLabelName, validateLabels } from './metadata.ts';
import { arr, isRecord, rec, str } from './shape.ts';

export function validateLabelSelector(selector: unknown, path: string): FieldCause[] {
  if (!isRecord(selector)) return [];
  const out = validateLabels(selector['matchLabels'], child(path, 'matchLabels'));
  arr(selector['matchExpressions']).forEach((raw, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const expr = rec(raw);
    const operator = str(expr['operator']);
    const values = arr(expr['values']);
    switch (operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) out.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) out.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        out.push(invalid(child(p, 'operator'), operator, 'not a valid selector operator'));
    }
    out.push(...validateLabelName(str(expr['key']), child(p, 'key')));
  });
  return out;
}

/** True if the selector has neither matchLabels nor matchExpressions. */
export function selectorIsEmpty(selector: unknown): boolean {
  const s = rec(selector);
  return Object.keys(rec(s['matchLabels'])).length + arr(s['matchExpressions']).length === 0;
}

/**
 * Whether `selector` selects `labels`, or undefined when the selector does not convert (upstream then reports
 * "invalid label selector"). A missing selector selects nothing.
 */
export function selectorMatches(selector: unknown, labels: unknown): boolean | undefined {
  try {
    const sel = labelSelectorFromSpec(isRecord(selector) ? (selector as LabelSelectorSpec) : undefined);
    const set = Object.fromEntries(Object.entries(rec(labels)).map(([k, v]) => [k, String(v)]));
    return matchesLabels(sel, set);
  } catch {
    return undefined;
  }
}
