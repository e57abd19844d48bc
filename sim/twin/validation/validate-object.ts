// validateObject: upstream's create/update validation ("plainly invalid" objects) for the kinds the twin serves.

import { validatePdbSpec, validateNodeSpec, validatePriorityClass } from './cluster-objects.ts';
import type { FieldCause } from './field-cause.ts';
import { validateObjectMeta } from './metadata.ts';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from './names.ts';
import { validatePodSpec } from './pod-spec.ts';
import { rec, type Obj } from './shape.ts';
import { validateDaemonSetSpec, validateDeploymentSpec, validateReplicaSetSpec, validateStatefulSetSpec } from './workloads.ts';

interface KindRules {
  namespaced: boolean;
  /** upstream: each kind's ValidateXName in pkg/apis/<group>/validation. */
  nameFn: NameValidator;
  validate?: (obj: Obj) => FieldCause[];
}

const spec = (fn: (s: Obj) => FieldCause[]) => (obj: Obj) => fn(rec(obj['spec']));

// Keyed by plural resource name.
const RULES: Readonly<Record<string, KindRules>> = {
  pods: { namespaced: true, nameFn: nameIsDNSSubdomain, validate: (o) => validatePodSpec(o['spec'], 'spec') },
  deployments: { namespaced: true, nameFn: nameIsDNSSubdomain, validate: spec(validateDeploymentSpec) },
  replicasets: { namespaced: true, nameFn: nameIsDNSSubdomain, validate: spec(validateReplicaSetSpec) },
  statefulsets: { namespaced: true, nameFn: nameIsDNSSubdomain, validate: spec(validateStatefulSetSpec) },
  daemonsets: { namespaced: true, nameFn: nameIsDNSSubdomain, validate: spec(validateDaemonSetSpec) },
  poddisruptionbudgets: { namespaced: true, nameFn: nameIsDNSSubdomain, validate: spec(validatePdbSpec) },
  nodes: { namespaced: false, nameFn: nameIsDNSSubdomain, validate: spec(validateNodeSpec) },
  priorityclasses: { namespaced: false, nameFn: nameIsDNSSubdomain, validate: validatePriorityClass },
  namespaces: { namespaced: false, nameFn: nameIsDNSLabel },
  services: { namespaced: true, nameFn: nameIsDNS1035Label },
  configmaps: { namespaced: true, nameFn: nameIsDNSSubdomain },
  serviceaccounts: { namespaced: true, nameFn: nameIsDNSSubdomain },
  events: { namespaced: true, nameFn: nameIsDNSSubdomain },
  leases: { namespaced: true, nameFn: nameIsDNSSubdomain },
};

const KIND_TO_PLURAL: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['pod', 'pods'],
    ['deployment', 'deployments'],
    ['replicaset', 'replicasets'],
    ['statefulset', 'statefulsets'],
    ['daemonset', 'daemonsets'],
    ['poddisruptionbudget', 'poddisruptionbudgets'],
    ['node', 'nodes'],
    ['priorityclass', 'priorityclasses'],
    ['namespace', 'namespaces'],
    ['service', 'services'],
    ['configmap', 'configmaps'],
    ['serviceaccount', 'serviceaccounts'],
    ['event', 'events'],
    ['lease', 'leases'],
  ],
);

/** "deployments.apps", "deployments", "Deployment" → "deployments". */
function rulesFor(resource: string): KindRules | undefined {
  const head = resource.split('.')[0]!.toLowerCase();
  return RULES[head] ?? RULES[KIND_TO_PLURAL[head] ?? ''];
}

/**
 * Upstream-style validation of an object about to be created or updated. `resource` is the plural
 * ("pods"), the store key ("deployments.apps") or the kind. Unknown resources only get ObjectMeta checks
 * (DNS-subdomain name, labels, annotations; namespace not checked). Never throws on malformed input.
 */
export function validateObject(resource: string, obj: unknown): FieldCause[] {
  const o = rec(obj);
  const rules = rulesFor(resource);
  if (rules === undefined) {
    const meta = { ...rec(o['metadata']) };
    delete meta['namespace'];
    return validateObjectMeta(meta, { namespaced: false, nameFn: nameIsDNSSubdomain });
  }
  return [...validateObjectMeta(o['metadata'], rules), ...(rules.validate?.(o) ?? [])];
}
