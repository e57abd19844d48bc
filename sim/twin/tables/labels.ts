// Label maps and label selectors rendered as upstream's String() methods render them.

import { list, rec, str, stringMap } from './json.ts';

/**
 * "k1=v1,k2=v2" sorted, or "<none>". upstream: k8s.io/apimachinery/pkg/labels/labels.go
 * FormatLabels and Set.String (which sorts the joined "k=v" strings, not the keys).
 */
export function formatLabels(labels: unknown): string {
  const pairs = Object.entries(stringMap(labels)).map(([k, v]) => `${k}=${v}`);
  pairs.sort(byteOrder);
  return pairs.length === 0 ? '<none>' : pairs.join(',');
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Requirement { key: string; text: string }

/**
 * The metav1.LabelSelector as labels.Selector.String() prints it, or undefined when upstream's
 * LabelSelectorAsSelector would fail. A nil or empty selector prints as "".
 * upstream: k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector,
 * k8s.io/apimachinery/pkg/labels/selector.go Requirement.String
 */
export function labelSelectorString(selector: unknown): string | undefined {
  const sel = rec(selector);
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(stringMap(sel.matchLabels))) {
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const raw of list(sel.matchExpressions)) {
    const expr = rec(raw);
    const key = str(expr.key);
    const values = list(expr.values).map((v) => str(v));
    const text = requirementText(key, str(expr.operator), values);
    if (text === undefined) return undefined;
    reqs.push({ key, text });
  }
  // upstream: internalSelector.Add sorts requirements by key.
  reqs.sort((a, b) => byteOrder(a.key, b.key));
  return reqs.map((r) => r.text).join(',');
}

function requirementText(key: string, operator: string, values: string[]): string | undefined {
  const sorted = [...values].sort(byteOrder);
  switch (operator) {
    case 'In':
    case 'NotIn':
      // upstream: NewRequirement rejects set operators without values.
      if (values.length === 0) return undefined;
      return `${key} ${operator === 'In' ? 'in' : 'notin'} (${sorted.join(',')})`;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) return undefined;
      return operator === 'Exists' ? key : `!${key}`;
    default:
      return undefined;
  }
}

/**
 * Selector text, "<none>" when empty, "<error>" when invalid.
 * upstream: k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go FormatLabelSelector
 */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}
