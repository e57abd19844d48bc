// Control-plane quorum: nodes labelled kis.dev/role=control-plane are the etcd members; while fewer than a
// majority of them are powered and attached, the API answers 503 to writes (reads are still served from the
// store, as a kube-apiserver serves its watch cache), and writes come back with the majority.
// upstream: etcd raft — a proposal commits only with a majority of members ((n/2)+1); kube-apiserver then
// answers writes with an etcd "request timed out" / "no leader" error, which the twin maps to 503.
import type { KubeObject } from '../store/index.ts';
import { errors, type WriteGate } from '../api/index.ts';
import { isDetached, powerOf, LABEL_ROLE, ROLE_CONTROL_PLANE } from '../sim-control.ts';
import { watchResource, type Controller, type ControllerContext } from './controller.ts';
import { isQuorumExempt } from './quorum-gate.ts';

export interface QuorumState {
  /** Member names, sorted: control-plane nodes present, plus remembered ones whose Node object is gone. */
  members: string[];
  /** Members powered on, attached and present. */
  healthy: string[];
  /** A majority of members is healthy (no members at all: nothing to lose, so true). */
  hasQuorum: boolean;
}

export function isControlPlane(node: KubeObject): boolean {
  return node.metadata.labels?.[LABEL_ROLE] === ROLE_CONTROL_PLANE;
}

/**
 * The etcd quorum the nodes give. `rememberedMembers` are control-plane nodes seen before: deleting a Node
 * object does not remove its etcd member (upstream: members leave only through `etcdctl member remove`), so an
 * absent one counts as a member that is down.
 */
export function quorumState(nodes: readonly KubeObject[], rememberedMembers: Iterable<string> = []): QuorumState {
  const members = new Set<string>(rememberedMembers);
  const healthy: string[] = [];
  for (const n of nodes) {
    if (!isControlPlane(n)) continue;
    const name = n.metadata.name ?? '';
    members.add(name);
    if (powerOf(n) === 'on' && !isDetached(n)) healthy.push(name);
  }
  const sorted = [...members].sort();
  // upstream: raft quorum = floor(n/2) + 1.
  const hasQuorum = sorted.length === 0 || healthy.length >= Math.floor(sorted.length / 2) + 1;
  return { members: sorted, healthy: healthy.sort(), hasQuorum };
}

export function quorumMessage(s: QuorumState): string {
  // upstream: kube-apiserver's answer when etcd has no leader reads "etcdserver: request timed out".
  return `etcdserver: request timed out (control plane has no quorum: ${s.healthy.length} of ${s.members.length} etcd members healthy, ${Math.floor(s.members.length / 2) + 1} needed)`;
}

/** Watches control-plane nodes and installs a write gate while quorum is lost. */
export function quorumController(ctx: ControllerContext): Controller {
  const remembered = new Set<string>();
  const controlPlane = new Map<string, KubeObject>();
  let stop: () => void = () => undefined;
  let lost = false;

  const evaluate = (): void => {
    if (!ctx.config.quorum) return;
    const state = quorumState([...controlPlane.values()], remembered);
    if (state.hasQuorum === !lost) return;
    lost = !state.hasQuorum;
    if (!lost) {
      ctx.registry.setWriteGate(undefined);
      return;
    }
    const gate: WriteGate = (w) => {
      if (isQuorumExempt(w)) return;
      throw errors.unavailable(quorumMessage(quorumState([...controlPlane.values()], remembered)));
    };
    ctx.registry.setWriteGate(gate);
  };

  return {
    name: 'quorum',
    start() {
      // The gate changes inside the node write that caused it (the handler only swaps a function, no write):
      // the next write already sees the new state, as it would with etcd.
      stop = watchResource(ctx, 'nodes', (ev) => {
        const name = ev.object.metadata.name ?? '';
        if (ev.type === 'DELETED') controlPlane.delete(name);
        else if (isControlPlane(ev.object)) {
          controlPlane.set(name, ev.object);
          remembered.add(name);
        } else {
          // Relabelled away: no longer an etcd member in this model.
          controlPlane.delete(name);
          remembered.delete(name);
        }
        evaluate();
      }, { replay: true });
    },
    stop() {
      stop();
      if (lost) ctx.registry.setWriteGate(undefined);
      lost = false;
    },
  };
}
