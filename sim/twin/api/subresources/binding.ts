// POST pods/<name>/binding: how a scheduler assigns a pod to a node.
// upstream: pkg/registry/core/pod/storage/storage.go (BindingREST.assignPod)
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
  const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(reg.clock.now()) } as never);
  // upstream validates the Binding, not the whole pod again: only nodeName and a condition change here.
  // Object.assign rather than `{ ...spec, nodeName }`: on V8 a spread copy that gains a property gets a hidden class
  // of its own, and every bound pod's spec and status would carry one (see copyOf in store/object-store.ts).
  reg.commitUpdate(pods, { ...pod, spec: Object.assign({}, spec, { nodeName }), status: Object.assign({}, status, { conditions }) }, pod, { trusted: true });
}
