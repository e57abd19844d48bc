// Validation for PodDisruptionBudget, Node taints and PriorityClass.
// upstream: pkg/apis/policy/validation, pkg/apis/core/validation (validateNodeTaints), pkg/apis/scheduling/validation.

import { duplicate, forbidden, index, invalid, notSupported, Printed, required, child, type FieldCause } from './field-cause.ts';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { validateLabelSelector } from './label-selector.ts';
import { validateLabelName } from './metadata.ts';
import { isValidLabelValue } from './names.ts';
import { validateTaintEffect } from './pod-spec.ts';
import { arr, num, rec, str, type Obj } from './shape.ts';

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

/** upstream: ValidatePodDisruptionBudgetSpec — minAvailable and maxUnavailable are mutually exclusive (neither is fine). */
export function validatePdbSpec(spec: Obj, path = 'spec'): FieldCause[] {
  const out: FieldCause[] = [];
  const has = (f: string): boolean => spec[f] !== undefined && spec[f] !== null;
  if (has('minAvailable') && has('maxUnavailable')) {
    out.push(invalid(path, new Printed(`policy.PodDisruptionBudgetSpec${JSON.stringify(spec)}`), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable']) {
    if (!has(f)) continue;
    out.push(...validatePositiveIntOrPercent(spec[f], child(path, f)), ...isNotMoreThan100Percent(spec[f], child(path, f)));
  }
  out.push(...validateLabelSelector(spec['selector'], child(path, 'selector')));
  const policy = spec['unhealthyPodEvictionPolicy'];
  if (policy !== undefined && policy !== null && !UNHEALTHY_POD_EVICTION_POLICIES.includes(str(policy))) {
    out.push(notSupported(child(path, 'unhealthyPodEvictionPolicy'), policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return out;
}

/** upstream: validateNodeTaints — key/value syntax, a known effect, unique by (key, effect). */
export function validateNodeSpec(spec: Obj, path = 'spec'): FieldCause[] {
  const out: FieldCause[] = [];
  const seen = new Set<string>();
  arr(spec['taints']).forEach((raw, i) => {
    const p = index(child(path, 'taints'), i);
    const t = rec(raw);
    const k = str(t['key']);
    const value = str(t['value']);
    const effect = str(t['effect']);
    out.push(...validateLabelName(k, child(p, 'key')));
    const errs = isValidLabelValue(value);
    if (errs.length > 0) out.push(invalid(child(p, 'value'), value, errs.join(';')));
    out.push(...validateTaintEffect(effect, false, child(p, 'effect')));
    const id = `${effect}\u0000${k}`;
    if (seen.has(id)) out.push(duplicate(p, new Printed(`core.Taint${JSON.stringify(t)}`), 'taints must be unique by key and effect pair'));
    seen.add(id);
  });
  return out;
}

// upstream: pkg/apis/scheduling types.go — HighestUserDefinablePriority and the two system classes.
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

/** upstream: IsKnownSystemPriorityClass's error, or undefined when the class is a known system one. */
function systemClassError(name: string, value: number | undefined, globalDefault: unknown): string | undefined {
  const expected = SYSTEM_PRIORITY_CLASSES[name];
  if (expected === undefined) return `${name} is not a known system priority class`;
  if (value !== expected) return `value of ${name} PriorityClass must be ${expected}`;
  if (globalDefault === true) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** upstream: ValidatePriorityClass (fields live at the top level, not under spec). */
export function validatePriorityClass(pc: Obj): FieldCause[] {
  const out: FieldCause[] = [];
  const name = str(rec(pc['metadata'])['name']);
  const value = num(pc['value']);
  if (name.startsWith('system-')) {
    const err = systemClassError(name, value, pc['globalDefault']);
    if (err !== undefined) {
      out.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
    }
  } else if (value !== undefined && value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    out.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  const pp = pc['preemptionPolicy'];
  if (pp !== undefined && pp !== null) {
    if (pp === '') out.push(required('preemptionPolicy', ''));
    else if (pp !== 'Never' && pp !== 'PreemptLowerPriority') out.push(notSupported('preemptionPolicy', pp, ['Never', 'PreemptLowerPriority']));
  }
  return out;
}
