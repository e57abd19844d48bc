// Pre-launch: is every workload of the run up? (Deployments/StatefulSets ready to their replicas,
// DaemonSets ready on every node they want.)
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
