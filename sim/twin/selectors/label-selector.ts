// Label selectors: parsed text or a metav1.LabelSelector spec → a value that matches label sets and prints canonically.
// upstream: k8s.io/apimachinery/pkg/labels/selector.go; k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
import { SelectorError } from './errors.ts';
import { parseRequirements, sortByKey } from './label-parser.ts';
import { newRequirement, requirementMatches, requirementString, type LabelRequirement } from './requirement.ts';

/** `nothing` matches no object (a nil spec); `requirements` is an AND (empty = everything). */
export type LabelSelector =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'requirements'; readonly requirements: readonly LabelRequirement[] };

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] | null }> | null;
}

export const everythingSelector: LabelSelector = { kind: 'requirements', requirements: [] };
export const nothingSelector: LabelSelector = { kind: 'nothing' };

/** labels.Parse: throws SelectorError with upstream's message on bad input; "" selects everything. */
export function parseLabelSelector(text: string): LabelSelector {
  return { kind: 'requirements', requirements: parseRequirements(text) };
}

/** metav1.LabelSelectorAsSelector: null/undefined → nothing; {} → everything. */
export function labelSelectorFromSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  if (spec === null || spec === undefined) return nothingSelector;
  const matchLabels = spec.matchLabels ?? {};
  const expressions = spec.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + expressions.length === 0) return everythingSelector;
  const reqs: LabelRequirement[] = [];
  for (const [k, v] of Object.entries(matchLabels)) reqs.push(newRequirement(k, '=', [v]));
  for (const expr of expressions) {
    const op = Object.prototype.hasOwnProperty.call(specOperators, expr.operator) ? specOperators[expr.operator] : undefined;
    if (!op) throw new SelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    // upstream copies with append([]string(nil), ...): no values is a nil slice, printed `null`.
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    reqs.push(newRequirement(expr.key, op, values));
  }
  return { kind: 'requirements', requirements: sortByKey(reqs) };
}

const specOperators: Readonly<Record<string, 'in' | 'notin' | 'exists' | '!'>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

export function matchesLabels(sel: LabelSelector, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (sel.kind === 'nothing') return false;
  const set = labels ?? {};
  return sel.requirements.every((r) => requirementMatches(r, set));
}

/** Selector.String(): requirements joined by `,`; both nothing and everything print "". */
export function labelSelectorString(sel: LabelSelector): string {
  return sel.kind === 'nothing' ? '' : sel.requirements.map(requirementString).join(',');
}

/** Selector.Empty(): true only for a selector that does not restrict (nothing is not empty). */
export function isEverything(sel: LabelSelector): boolean {
  return sel.kind === 'requirements' && sel.requirements.length === 0;
}
