// PodDisruptionBudgets as preemption reads them: selector, namespace, status.disruptionsAllowed and disruptedPods.
// upstream: framework/preemption/preemption.go filterPodsWithPDBViolation reads the same fields.
import { labelSelectorFromSpec, nothingSelector, type LabelSelectorSpec } from '../selectors/index.ts';
import type { KubeObject } from '../store/index.ts';
import type { Pdb } from './preemption.ts';

export function pdbsFrom(items: readonly KubeObject[]): Pdb[] {
  return items.map((o) => {
    const spec = (o.spec ?? {}) as { selector?: LabelSelectorSpec | null };
    const status = (o.status ?? {}) as { disruptionsAllowed?: number; disruptedPods?: Record<string, string> };
    const sel = spec.selector;
    // upstream: "A PDB with a nil or empty selector matches nothing."
    const empty = !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
    let selector = nothingSelector;
    try {
      if (!empty) selector = labelSelectorFromSpec(sel);
    } catch {
      selector = nothingSelector;
    }
    return {
      namespace: o.metadata.namespace ?? '',
      selector,
      empty,
      disruptionsAllowed: status.disruptionsAllowed ?? 0,
      disruptedPods: new Set(Object.keys(status.disruptedPods ?? {})),
    };
  });
}
