// Routes a dependent's change to the controllers that care: its controlling owner, or — for an orphan —
// every owner of that kind whose selector matches it, which may adopt it.
// upstream: ReplicaSetController.addPod/updatePod → getPodReplicaSets (and the same in the deployment,
// statefulset and daemon controllers).
import { BoundedMap } from '../../core/index.ts';
import { matchesLabels } from '../selectors/index.ts';
import { objectKey, type WatchEvent } from '../store/index.ts';
import { keyOf, type ControllerContext } from './controller.ts';
import { controllerOf } from './replicaset-pod-state.ts';
import type { SelectorCache } from './replicaset.ts';
import type { WorkQueue } from './workqueue.ts';

export function wakeOwners(
  ctx: ControllerContext,
  queue: WorkQueue,
  selectors: SelectorCache,
  ownerKind: string,
  ownerResource: string,
  ev: WatchEvent,
): void {
  const dependent = ev.object;
  const ns = dependent.metadata.namespace ?? '';
  const ref = controllerOf(dependent);
  if (ref) {
    if (ref.kind === ownerKind) queue.add(ownerKey(ns, ref.name, ref.uid));
    return;
  }
  if (ev.type === 'DELETED') return;
  for (const owner of ctx.store.list(ownerResource, ns).items) {
    if (matchesLabels(selectors.get(owner), dependent.metadata.labels)) queue.add(keyOf(owner));
  }
}

/** Owner keys by owner uid: few owners, many dependent writes; a key built per write is hashed afresh by the queue. */
const ownerKeys = new BoundedMap<string, { namespace: string; name: string; key: string }>(4096);

function ownerKey(namespace: string, name: string, uid: string): string {
  const known = ownerKeys.get(uid);
  if (known !== undefined && known.name === name && known.namespace === namespace) return known.key;
  return ownerKeys.set(uid, { namespace, name, key: objectKey(namespace, name) }).key;
}
