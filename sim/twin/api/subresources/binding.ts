// POST pods/<name>/binding: how a scheduler assigns a pod to a node.
// upstream: pkg/registry/core/pod/storage/storage.go (BindingREST.assignPod)
import { BoundedMap } from '../../../core/index.ts';
import { rfc3339 } from '../deletion.ts';
import { errors } from '../errors.ts';
import type { Registry } from '../registry.ts';
import { resourceByKey } from '../resources.ts';

export function bindPod(reg: Registry, namespace: string, name: string, body: unknown): void {
  const pods = resourceByKey('pods')!;
  const binding = (body ?? {}) as { metadata?: { name?: string }; target?: { kind?: string; name?: string } };
  if (binding.metadata?.name && binding.metadata.name !== name) {
    throw errors.badRequest('name in URL does not match name in Binding object');
  }
  const nodeName = binding.target?.name;
  if (!nodeName || (binding.target?.kind && binding.target.kind !== 'Node')) {
    throw errors.invalid('Binding', '', name, `Binding "${name}" is invalid: target.name: Required value`, [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' },
    ]);
  }
  const pod = reg.get(pods, namespace, name);
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  const bindingRes = { group: '', plural: 'pods/binding' };
  if (pod.metadata.deletionTimestamp) throw errors.conflict(bindingRes, name, `pod ${name} is being deleted, cannot be assigned to a host`);
  if (spec.nodeName) throw errors.conflict(bindingRes, name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
  const status = (pod.status ?? {}) as { conditions?: { type: string }[] };
  const scheduled = podScheduled(rfc3339(reg.clock.now()));
  const before = status.conditions ?? [];
  const conditions = before.length === 0 ? scheduled.alone : [...before.filter((c) => c.type !== 'PodScheduled'), scheduled.condition];
  // upstream validates the Binding, not the whole pod again: only nodeName and a condition change here.
  // Object.assign rather than `{ ...spec, nodeName }`: on V8 a spread copy that gains a property gets a hidden class
  // of its own, and every bound pod's spec and status would carry one (see copyOf in store/object-store.ts).
  reg.commitUpdate(pods, { ...pod, spec: Object.assign({}, spec, { nodeName }), status: Object.assign({}, status, { conditions }) }, pod, { trusted: true });
}

/**
 * PodScheduled=True as of one second, and the conditions list of a pod that had none, both frozen and shared by
 * every pod bound in that second (stored pods are never changed in place): the kubelet's status keeps the
 * condition, so it is held as long as the pod.
 */
const scheduledAt = new BoundedMap<string, { condition: object; alone: object[] }>(4096);

function podScheduled(at: string): { condition: object; alone: object[] } {
  let shared = scheduledAt.get(at);
  if (shared === undefined) {
    const condition = Object.freeze({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at });
    shared = scheduledAt.set(at, { condition, alone: Object.freeze([condition]) as object[] });
  }
  return shared;
}
