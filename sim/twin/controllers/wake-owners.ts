// Routes a dependent's change to the controllers that care: its controlling owner, or — for an orphan —
// every owner of that kind whose selector matches it, which may adopt it.
// upstream: ReplicaSetController.addPod/updatePod → getPodReplicaSets (and the same in the deployment,
// statefulset and daemon controllers).
import { matchesLabels } from '../selectors/index.ts';
import { rememberedKey, type WatchEvent } from '../store/index.ts';
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
    // The owner's uid finds the key string its own watch events use (keyOfObject): no key built per dependent write.
    if (ref.kind === ownerKind) queue.add(rememberedKey({ namespace: ns, name: ref.name, uid: ref.uid }).key);
    return;
  }
  if (ev.type === 'DELETED') return;
  for (const owner of ctx.store.list(ownerResource, ns).items) {
    if (matchesLabels(selectors.get(owner), dependent.metadata.labels)) queue.add(keyOf(owner));
  }
}
