// What a Deployment sync does to its ReplicaSets' sizes, as pure functions over RsView snapshots.
// upstream: pkg/controller/deployment/rolling.go, recreate.go, sync.go (scale), util NewRSNewReplicas, GetProportion.
import { byCreation, sumAvailable, sumReplicas, type DeploymentView, type RsView } from './deployment-util.ts';

/** Replica counts to write, by ReplicaSet name (in the order to write them). */
export type ScalePlan = Map<string, number>;

/**
 * upstream: NewRSNewReplicas — how big the new ReplicaSet may be now. Deviation: each ReplicaSet counts as
 * max(spec, live pods), so pods an old ReplicaSet has yet to delete still use surge room; upstream counts
 * spec only and its pod count can briefly exceed replicas + maxSurge.
 */
export function newRsReplicas(d: DeploymentView, all: readonly RsView[], newRs: RsView): number {
  if (d.strategy === 'Recreate') return d.replicas;
  const current = all.reduce((n, r) => n + Math.max(r.replicas, r.pods), 0);
  const maxTotal = d.replicas + d.maxSurge;
  if (current >= maxTotal) return newRs.replicas;
  const up = Math.min(maxTotal - current, d.replicas - newRs.replicas);
  return newRs.replicas + up;
}

/**
 * One rolling-update step (upstream rolloutRolling): scale the new ReplicaSet up within maxSurge; if that did
 * nothing, scale old ones down within maxUnavailable — unhealthy replicas first, then oldest first.
 */
export function planRolling(d: DeploymentView, newRs: RsView, old: readonly RsView[]): ScalePlan {
  const plan: ScalePlan = new Map();
  // reconcileNewReplicaSet
  if (newRs.replicas > d.replicas) {
    plan.set(newRs.name, d.replicas);
    return plan;
  }
  if (newRs.replicas < d.replicas) {
    const n = newRsReplicas(d, [...old, newRs], newRs);
    if (n !== newRs.replicas) {
      plan.set(newRs.name, n);
      return plan;
    }
  }
  // reconcileOldReplicaSets
  const oldRs = old.filter((r) => r.replicas > 0).map((r) => ({ ...r })).sort(byCreation);
  if (sumReplicas(oldRs) === 0) return plan;
  const minAvailable = d.replicas - d.maxUnavailable;
  const newUnavailable = newRs.replicas - newRs.available;
  const maxScaledDown = sumReplicas([...oldRs, newRs]) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return plan;
  // cleanupUnhealthyReplicas: replicas that are not available go first, they cost no availability
  let cleaned = 0;
  for (const rs of oldRs) {
    if (cleaned >= maxScaledDown) break;
    if (rs.replicas === 0 || rs.replicas === rs.available) continue;
    const down = Math.min(maxScaledDown - cleaned, rs.replicas - rs.available);
    rs.replicas -= down;
    cleaned += down;
    plan.set(rs.name, rs.replicas);
  }
  // scaleDownOldReplicaSetsForRollingUpdate
  const available = sumAvailable([...oldRs, newRs]);
  if (available <= minAvailable) return plan;
  const total = available - minAvailable;
  let scaled = 0;
  for (const rs of oldRs) {
    if (scaled >= total) break;
    if (rs.replicas === 0) continue;
    const down = Math.min(rs.replicas, total - scaled);
    rs.replicas -= down;
    scaled += down;
    plan.set(rs.name, rs.replicas);
  }
  return plan;
}

/**
 * One Recreate step (upstream rolloutRecreate): old ReplicaSets to zero; once no old pod is left (terminating
 * ones included), the new one to full size. `newRs` undefined means it must be created first (size 0 here).
 */
export function planRecreate(d: DeploymentView, newRs: RsView | undefined, old: readonly RsView[], oldPodsRunning: boolean): { plan: ScalePlan; createNew: boolean } {
  const plan: ScalePlan = new Map();
  for (const rs of old) if (rs.replicas > 0) plan.set(rs.name, 0);
  if (plan.size > 0 || oldPodsRunning) return { plan, createNew: false };
  if (!newRs) return { plan, createNew: true };
  if (newRs.replicas !== d.replicas) plan.set(newRs.name, d.replicas);
  return { plan, createNew: false };
}

/**
 * A scaling event while not mid-rollout step (upstream DeploymentController.scale): one active ReplicaSet takes
 * the whole size; a saturated new one leaves old ones at zero; otherwise the change is shared proportionally.
 * `deploymentStatusReplicas` stands in for a missing max-replicas annotation, as upstream.
 */
export function planScale(d: DeploymentView, newRs: RsView | undefined, old: readonly RsView[], newSaturated: boolean, deploymentStatusReplicas: number): ScalePlan {
  const plan: ScalePlan = new Map();
  const sortedOld = [...old].sort(byCreation);
  const active = [...sortedOld, ...(newRs ? [newRs] : [])].filter((r) => r.replicas > 0);
  // FindActiveOrLatest
  let only: RsView | undefined;
  if (active.length === 0) only = newRs ?? sortedOld[sortedOld.length - 1];
  else if (active.length === 1) only = active[0];
  if (only || active.length <= 1) {
    if (only && only.replicas !== d.replicas) plan.set(only.name, d.replicas);
    return plan;
  }
  if (newSaturated) {
    for (const rs of sortedOld) if (rs.replicas > 0) plan.set(rs.name, 0);
    return plan;
  }
  if (d.strategy !== 'RollingUpdate') return plan;
  const allowed = d.replicas > 0 ? d.replicas + d.maxSurge : 0;
  const toAdd = allowed - sumReplicas(active);
  // upstream: ReplicaSetsBySizeNewer when scaling up, BySizeOlder when scaling down
  const ordered = [...active].sort((a, b) => b.replicas - a.replicas || (toAdd > 0 ? b.created - a.created : a.created - b.created) || (a.name < b.name ? -1 : 1));
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of ordered) {
    if (toAdd === 0) {
      sizes.set(rs.name, rs.replicas);
      continue;
    }
    const p = proportion(rs, d, toAdd, added, deploymentStatusReplicas);
    sizes.set(rs.name, rs.replicas + p);
    added += p;
  }
  ordered.forEach((rs, i) => {
    let size = sizes.get(rs.name)!;
    // upstream: leftovers go to the largest ReplicaSet
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    plan.set(rs.name, size);
  });
  return plan;
}

/** upstream: GetProportion / getReplicaSetFraction (Go's integer.RoundToInt32 rounds half away from zero). */
function proportion(rs: RsView, d: DeploymentView, toAdd: number, added: number, statusReplicas: number): number {
  if (rs.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (d.replicas === 0) fraction = -rs.replicas;
  else {
    const annotated = rs.maxReplicas ?? statusReplicas;
    const size = annotated > 0 ? (rs.replicas * (d.replicas + d.maxSurge)) / annotated : rs.replicas;
    fraction = Math.sign(size) * Math.round(Math.abs(size)) - rs.replicas;
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * upstream: cleanupDeployment — beyond revisionHistoryLimit, delete the oldest-revision old ReplicaSets that
 * are empty (spec and status zero, status observed). Returns the names to delete.
 */
export function historyToDelete(old: readonly { name: string; revision: number; created: number; empty: boolean }[], limit: number | undefined): string[] {
  if (limit === undefined) return [];
  const diff = old.length - limit;
  if (diff <= 0) return [];
  const sorted = [...old].sort((a, b) => a.revision - b.revision || a.created - b.created);
  return sorted.slice(0, diff).filter((r) => r.empty).map((r) => r.name);
}
