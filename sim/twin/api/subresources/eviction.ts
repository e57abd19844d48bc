// POST pods/<name>/eviction: a delete that honours PodDisruptionBudgets (429 when one would be violated).
// upstream: pkg/registry/core/pod/storage/eviction.go
import type { KubeObject } from '../../store/index.ts';
import { labelSelectorFromSpec, matchesLabels } from '../../selectors/index.ts';
import { deleteObject, rfc3339, type DeleteOptions } from '../deletion.ts';
import { ApiError, errors } from '../errors.ts';
import type { Registry } from '../registry.ts';
import { resourceByKey } from '../resources.ts';

interface PdbStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  disruptedPods?: Record<string, string>;
}

const MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

export function evictPod(reg: Registry, namespace: string, name: string, body: unknown): void {
  const pods = resourceByKey('pods')!;
  const pdbs = resourceByKey('poddisruptionbudgets.policy')!;
  const eviction = (body ?? {}) as { metadata?: { name?: string }; deleteOptions?: DeleteOptions };
  if (eviction.metadata?.name && eviction.metadata.name !== name) {
    throw errors.badRequest(`name in URL does not match name in Eviction object`);
  }
  const pod = reg.get(pods, namespace, name);
  const deleteOptions: DeleteOptions = { ...(eviction.deleteOptions ?? {}) };
  // upstream canIgnorePDB: terminal, pending or already-terminating pods have disrupted nothing further.
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending') {
    deleteObject(reg, pods, namespace, name, deleteOptions);
    return;
  }
  const matching = reg.store
    .list(pdbs.key, namespace)
    .items.filter((pdb) => matchesLabels(labelSelectorFromSpec((pdb.spec as { selector?: never } | undefined)?.selector), pod.metadata.labels));
  if (matching.length > 1) {
    throw new ApiError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  }
  const pdb = matching[0];
  if (pdb) chargeBudget(reg, pdb, pod);
  deleteObject(reg, pods, namespace, name, deleteOptions);
}

function chargeBudget(reg: Registry, pdb: KubeObject, pod: KubeObject): void {
  const pdbs = resourceByKey('poddisruptionbudgets.policy')!;
  const status = (pdb.status ?? {}) as PdbStatus;
  const pdbName = pdb.metadata.name ?? '';
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
    throw errors.tooManyRequests(MESSAGE, [
      { reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.` },
    ]);
  }
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) throw errors.forbidden(pdbs, pdbName, 'pdb disruptions allowed is negative');
  // upstream (IfHealthyBudget, the default): an unready pod may go while the budget is healthy, without charge.
  if (!isReady(pod) && (status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0)) return;
  if (allowed === 0) {
    throw errors.tooManyRequests(MESSAGE, [
      {
        reason: 'DisruptionBudget',
        message: `The disruption budget ${pdbName} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
      },
    ]);
  }
  const charged: PdbStatus = {
    ...status,
    disruptionsAllowed: allowed - 1,
    disruptedPods: { ...(status.disruptedPods ?? {}), [pod.metadata.name ?? '']: rfc3339(reg.clock.now()) },
  };
  reg.commitUpdate(pdbs, { ...pdb, status: charged }, pdb);
}

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
