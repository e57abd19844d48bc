// Deployment, ReplicaSet, StatefulSet and DaemonSet spec validation.
// upstream: kubernetes/pkg/apis/apps/validation/validation.go

import { child, forbidden, goStringMap, invalid, notSupported, Printed, required, type FieldCause } from './field-cause.ts';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent.ts';
import { selectorIsEmpty, selectorMatches, validateLabelSelector } from './label-selector.ts';
import { validateAnnotations, validateLabels } from './metadata.ts';
import { validatePodSpec } from './pod-spec.ts';
import { num, rec, str, type Obj } from './shape.ts';

const NEGATIVE = 'must be greater than or equal to 0';

function nonNegative(v: unknown, path: string): FieldCause[] {
  const n = num(v);
  return n !== undefined && n < 0 ? [invalid(path, n, NEGATIVE)] : [];
}

// upstream prints the selector struct with %#v; this approximates it with its JSON.
const printedSelector = (sel: unknown): Printed => new Printed(`&v1.LabelSelector${JSON.stringify(sel ?? null)}`);

/** upstream: ValidatePodTemplateSpec (labels, annotations, pod spec). */
function validatePodTemplate(template: Obj, path: string): FieldCause[] {
  const meta = rec(template['metadata']);
  return [
    ...validateLabels(meta['labels'], child(path, 'metadata', 'labels')),
    ...validateAnnotations(meta['annotations'], child(path, 'metadata', 'annotations')),
    ...validatePodSpec(template['spec'], child(path, 'spec')),
  ];
}

/** upstream: ValidatePodTemplateSpecForReplicaSet — shared by Deployment and ReplicaSet (and, inlined, StatefulSet). */
function validateTemplateForController(spec: Obj, path: string, matchPath: string, kind = 'ReplicaSet'): FieldCause[] {
  if (spec['template'] === undefined || spec['template'] === null) return [required(child(path, 'template'), '')];
  const template = rec(spec['template']);
  const labels = rec(template['metadata'])['labels'];
  const out: FieldCause[] = [];
  if (!selectorIsEmpty(spec['selector']) && selectorMatches(spec['selector'], labels) === false) {
    out.push(invalid(matchPath, goStringMap(labels as Record<string, unknown> | undefined), '`selector` does not match template `labels`'));
  }
  out.push(...validatePodTemplate(template, child(path, 'template')));
  const podSpec = rec(template['spec']);
  // Absent restartPolicy defaults to Always.
  if (podSpec['restartPolicy'] !== undefined && podSpec['restartPolicy'] !== 'Always') {
    out.push(notSupported(child(path, 'template', 'spec', 'restartPolicy'), podSpec['restartPolicy'], ['Always']));
  }
  if (podSpec['activeDeadlineSeconds'] !== undefined && podSpec['activeDeadlineSeconds'] !== null) {
    out.push(forbidden(child(path, 'template', 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return out;
}

function validateSelector(spec: Obj, path: string, kindWord: string): FieldCause[] {
  const p = child(path, 'selector');
  if (spec['selector'] === undefined || spec['selector'] === null) return [required(p, '')];
  const out = validateLabelSelector(spec['selector'], p);
  if (selectorIsEmpty(spec['selector'])) out.push(invalid(p, printedSelector(spec['selector']), `empty selector is invalid for ${kindWord}`));
  else if (selectorMatches(spec['selector'], {}) === undefined) out.push(invalid(p, printedSelector(spec['selector']), 'invalid label selector'));
  return out;
}

function validateRollingUpdateDeployment(ru: Obj, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  for (const f of ['maxUnavailable', 'maxSurge']) {
    if (ru[f] === undefined) continue;
    out.push(...validatePositiveIntOrPercent(ru[f], child(path, f)));
  }
  if (ru['maxUnavailable'] !== undefined) out.push(...isNotMoreThan100Percent(ru['maxUnavailable'], child(path, 'maxUnavailable')));
  if (ru['maxUnavailable'] !== undefined && ru['maxSurge'] !== undefined && intOrPercentValue(ru['maxUnavailable']) === 0 && intOrPercentValue(ru['maxSurge']) === 0) {
    out.push(invalid(child(path, 'maxUnavailable'), new Printed(String(ru['maxUnavailable'])), 'may not be 0 when `maxSurge` is 0'));
  }
  return out;
}

/** upstream: ValidateDeploymentStrategy. An absent strategy is defaulted to RollingUpdate upstream. */
function validateDeploymentStrategy(strategy: unknown, path: string): FieldCause[] {
  if (strategy === undefined || strategy === null) return [];
  const s = rec(strategy);
  const type = str(s['type']);
  if (type === 'Recreate') {
    return s['rollingUpdate'] !== undefined && s['rollingUpdate'] !== null
      ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type === 'RollingUpdate' || type === '') return validateRollingUpdateDeployment(rec(s['rollingUpdate']), child(path, 'rollingUpdate'));
  return [notSupported(path, new Printed(`apps.DeploymentStrategy{Type:${JSON.stringify(type)}}`), ['Recreate', 'RollingUpdate'])];
}

export function validateDeploymentSpec(spec: Obj, path = 'spec'): FieldCause[] {
  const out = [...nonNegative(spec['replicas'], child(path, 'replicas')), ...validateSelector(spec, path, 'deployment')];
  out.push(...validateTemplateForController(spec, path, child(path, 'template', 'metadata', 'labels')));
  out.push(...validateDeploymentStrategy(spec['strategy'], child(path, 'strategy')));
  out.push(...nonNegative(spec['minReadySeconds'], child(path, 'minReadySeconds')));
  out.push(...nonNegative(spec['revisionHistoryLimit'], child(path, 'revisionHistoryLimit')));
  const pds = num(spec['progressDeadlineSeconds']);
  if (pds !== undefined) {
    out.push(...nonNegative(pds, child(path, 'progressDeadlineSeconds')));
    if (pds <= (num(spec['minReadySeconds']) ?? 0)) out.push(invalid(child(path, 'progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return out;
}

export function validateReplicaSetSpec(spec: Obj, path = 'spec'): FieldCause[] {
  // upstream's ReplicaSet message says "for deployment" too (shared wording).
  const out = [...nonNegative(spec['replicas'], child(path, 'replicas')), ...nonNegative(spec['minReadySeconds'], child(path, 'minReadySeconds'))];
  out.push(...validateSelector(spec, path, 'deployment'));
  out.push(...validateTemplateForController(spec, path, child(path, 'template', 'metadata', 'labels')));
  return out;
}

export function validateStatefulSetSpec(spec: Obj, path = 'spec'): FieldCause[] {
  const out: FieldCause[] = [];
  const pmp = spec['podManagementPolicy'];
  if (pmp !== undefined && pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    out.push(invalid(child(path, 'podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  const us = rec(spec['updateStrategy']);
  if (us['type'] !== undefined && us['type'] !== 'RollingUpdate' && us['type'] !== 'OnDelete') {
    out.push(invalid(child(path, 'updateStrategy'), new Printed(JSON.stringify(spec['updateStrategy'])), "must be 'RollingUpdate' or 'OnDelete'"));
  }
  out.push(...nonNegative(spec['replicas'], child(path, 'replicas')), ...nonNegative(spec['minReadySeconds'], child(path, 'minReadySeconds')));
  out.push(...validateSelector(spec, path, 'statefulset'));
  out.push(...validateTemplateForController(spec, path, child(path, 'template', 'metadata', 'labels'), 'StatefulSet'));
  return out;
}

/** upstream: ValidateDaemonSetSpec — a missing selector selects nothing, so it fails the template-labels match. */
export function validateDaemonSetSpec(spec: Obj, path = 'spec'): FieldCause[] {
  const out = validateLabelSelector(spec['selector'], child(path, 'selector'));
  const template = rec(spec['template']);
  const labels = rec(template['metadata'])['labels'];
  if (selectorMatches(spec['selector'], labels) === false) {
    out.push(invalid(child(path, 'template', 'metadata', 'labels'), goStringMap(labels as Record<string, unknown> | undefined), '`selector` does not match template `labels`'));
  }
  if (spec['selector'] !== undefined && spec['selector'] !== null && selectorIsEmpty(spec['selector'])) {
    out.push(invalid(child(path, 'selector'), printedSelector(spec['selector']), 'empty selector is invalid for daemonset'));
  }
  out.push(...validatePodTemplate(template, child(path, 'template')));
  const podSpec = rec(template['spec']);
  if (podSpec['restartPolicy'] !== undefined && podSpec['restartPolicy'] !== 'Always') {
    out.push(notSupported(child(path, 'template', 'spec', 'restartPolicy'), podSpec['restartPolicy'], ['Always']));
  }
  const us = rec(spec['updateStrategy']);
  if (us['type'] !== undefined && us['type'] !== 'RollingUpdate' && us['type'] !== 'OnDelete') {
    out.push(notSupported(child(path, 'updateStrategy'), new Printed(JSON.stringify(spec['updateStrategy'])), ['RollingUpdate', 'OnDelete']));
  }
  out.push(...nonNegative(spec['minReadySeconds'], child(path, 'minReadySeconds')));
  return out;
}
