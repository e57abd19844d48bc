// Pre-launch: is every workload of the run up? (Deployments/StatefulSets ready to their replicas,
// DaemonSets ready on every node they want.)
import type { ObjectStore } from '../twin/index.ts';
import { RESOURCES } from '../twin/index.ts';
import type { Manifest } from './manifests.ts';

export function workloadReady(m: Manifest, status: Record<string, unknown> | undefined): boolean {
  if (!status) return false;
  const n = (k: string) => (typeof status[k] === 'number' ? (status[k] as number) : 0);
  if (m.kind === 'DaemonSet') return n('desiredNumberScheduled') > 0 && n('numberReady') >= n('desiredNumberScheduled');
  if (m.kind === 'Deployment' || m.kind === 'StatefulSet') {
    const replicas = (m.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    return n('readyReplicas') >= replicas;
  }
  return true;
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * A workload's status read straight from the twin's store: what a GET would answer at this instant (lockstep
 * holds time while the runner reads either way), without an HTTPS round trip per workload per pre-launch
 * second. Undefined when the object does not exist.
 */
export function storeStatus(store: ObjectStore, m: Manifest): Record<string, unknown> | undefined {
  const res = RESOURCES.find((r) => r.kind === m.kind && (r.group ? `${r.group}/${r.version}` : r.version) === m.apiVersion);
  if (!res) throw new Error(`pre-launch: the twin serves no ${m.apiVersion} ${m.kind}`);
  const obj = store.get(res.key, res.namespaced ? (m.metadata.namespace ?? '') : '', m.metadata.name);
  return obj ? ((obj as { status?: Record<string, unknown> }).status ?? {}) : undefined;
}
