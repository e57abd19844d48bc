// Text for Table columns (`kubectl get -o wide` SELECTOR, LABELS): upstream's formatting helpers.
// upstream: k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go FormatLabelSelector; pkg/labels/labels.go FormatLabels
import { labelSelectorFromSpec, labelSelectorString, type LabelSelectorSpec } from './label-selector.ts';

/** metav1.FormatLabelSelector: the canonical selector text, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(spec: LabelSelectorSpec | null | undefined): string {
  let text: string;
  try {
    text = labelSelectorString(labelSelectorFromSpec(spec));
  } catch {
    return '<error>';
  }
  return text === '' ? '<none>' : text;
}

/** labels.FormatLabels: `k=v` pairs sorted by key and joined by `,`, or `<none>` (e.g. a Service's selector). */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const text = keys.map((k) => `${k}=${labels![k]}`).join(',');
  return text === '' ? '<none>' : text;
}
