// Deployment arithmetic: maxSurge/maxUnavailable fenceposts, revisions, and the ReplicaSet view the planner uses.
// upstream: pkg/controller/deployment/util/deployment_util.go, k8s.io/apimachinery/pkg/util/intstr
import type { KubeObject } from '../store/index.ts';
import { parseTime } from './replicaset-pod-state.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Annotations of a Deployment never copied onto its ReplicaSets (upstream: annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

export interface DeploymentView {
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurge: number;
  maxUnavailable: number;
}

/** What the planner needs of a ReplicaSet. */
export interface RsView {
  name: string;
  uid: string;
  replicas: number;
  /** Pods that exist and are not terminating (at least `replicas` until the controller knows better). */
  pods: number;
  /** status.availableReplicas, capped at spec.replicas (see rsView). */
  available: number;
  created: number;
  revision: number;
  desired: number | undefined;
  maxReplicas: number | undefined;
}

/**
 * upstream: intstr.GetScaledValueFromIntOrPercent — an int as is, "n%" of total rounded up or down.
 * Throws on a malformed value (validation rejects those before they reach a controller).
 */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage: ${v}`);
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** upstream: ResolveFenceposts — surge rounds up, unavailable down; both zero means unavailable 1. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

interface DeploymentSpecShape {
  replicas?: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
}

export function deploymentView(d: KubeObject): DeploymentView {
  const spec = (d.spec ?? {}) as DeploymentSpecShape;
  const replicas = spec.replicas ?? 1;
  if (spec.strategy?.type === 'Recreate') return { replicas, strategy: 'Recreate', maxSurge: 0, maxUnavailable: 0 };
  const ru = spec.strategy?.rollingUpdate ?? {};
  const { surge, unavailable } = resolveFenceposts(ru.maxSurge ?? '25%', ru.maxUnavailable ?? '25%', replicas);
  // upstream: MaxUnavailable is 0 for zero replicas and never more than replicas.
  return { replicas, strategy: 'RollingUpdate', maxSurge: surge, maxUnavailable: replicas === 0 ? 0 : Math.min(unavailable, replicas) };
}

function intAnnotation(obj: KubeObject, key: string): number | undefined {
  const v = obj.metadata.annotations?.[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

export function revisionOf(obj: KubeObject): number {
  return intAnnotation(obj, REVISION_ANNOTATION) ?? 0;
}

/**
 * Deviation from upstream, on purpose: availability counts at most spec.replicas. Right after a scale-down the
 * ReplicaSet's status still shows the pods being removed; upstream can then over-count and briefly dip below
 * maxUnavailable. Capping keeps the rolling update's lower bound strict.
 */
export function rsView(rs: KubeObject): RsView {
  const spec = (rs.spec ?? {}) as { replicas?: number };
  const status = (rs.status ?? {}) as { availableReplicas?: number };
  const replicas = spec.replicas ?? 0;
  return {
    name: rs.metadata.name ?? '',
    uid: rs.metadata.uid ?? '',
    replicas,
    pods: replicas,
    available: Math.min(status.availableReplicas ?? 0, replicas),
    created: parseTime(rs.metadata.creationTimestamp),
    revision: revisionOf(rs),
    desired: intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION),
    maxReplicas: intAnnotation(rs, MAX_REPLICAS_ANNOTATION),
  };
}

export const sumReplicas = (rss: readonly RsView[]): number => rss.reduce((n, r) => n + r.replicas, 0);
export const sumAvailable = (rss: readonly RsView[]): number => rss.reduce((n, r) => n + r.available, 0);

/** upstream: ReplicaSetsByCreationTimestamp — older first, then by name. */
export function byCreation(a: RsView, b: RsView): number {
  return a.created - b.created || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
