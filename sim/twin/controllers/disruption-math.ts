// PodDisruptionBudget status arithmetic (pure): expected pods, desired and current healthy, disruptions allowed,
// and which recorded disruptions still count.
// upstream: pkg/controller/disruption/disruption.go getExpectedPodCount, countHealthyPods, buildDisruptedPodMap,
// updatePdbStatus; k8s.io/apimachinery/pkg/util/intstr GetScaledValueFromIntOrPercent.

/** upstream DeletionTimeout: a pod recorded as disrupted that is not deleted within 2 minutes counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

export type IntOrPercent = number | string;

/** upstream GetScaledValueFromIntOrPercent: an int as is; "N%" of total, rounded up or down. */
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid value "${v}"`);
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export interface PdbSpecMath {
  minAvailable?: IntOrPercent;
  maxUnavailable?: IntOrPercent;
}

/** Whether the status needs the controllers' scale (maxUnavailable, or minAvailable as a percentage). */
export function needsScale(spec: PdbSpecMath): boolean {
  return spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string';
}

/**
 * upstream getExpectedPodCount: with maxUnavailable or a percentage the expected count is the sum of the
 * pods' controllers' scale; with an integer minAvailable it is the number of selected pods.
 */
export function expectedAndDesired(spec: PdbSpecMath, podCount: number, scale: number): { expectedPods: number; desiredHealthy: number } {
  if (spec.maxUnavailable !== undefined) {
    const maxUnavailable = scaledValue(spec.maxUnavailable, scale, true);
    return { expectedPods: scale, desiredHealthy: Math.max(0, scale - maxUnavailable) };
  }
  if (typeof spec.minAvailable === 'number') return { expectedPods: podCount, desiredHealthy: spec.minAvailable };
  if (typeof spec.minAvailable === 'string') return { expectedPods: scale, desiredHealthy: scaledValue(spec.minAvailable, scale, true) };
  return { expectedPods: 0, desiredHealthy: 0 };
}

/** upstream updatePdbStatus: never negative, and 0 while no pods are expected. */
export function disruptionsAllowed(currentHealthy: number, desiredHealthy: number, expectedPods: number): number {
  const n = currentHealthy - desiredHealthy;
  return expectedPods <= 0 || n <= 0 ? 0 : n;
}

export interface PodFacts {
  name: string;
  ready: boolean;
  terminating: boolean;
}

/** upstream countHealthyPods: Ready pods not being deleted and not recently disrupted (evicted, not yet gone). */
export function countHealthy(pods: readonly PodFacts[], disrupted: Readonly<Record<string, string>>, nowMs: number): number {
  let n = 0;
  for (const p of pods) {
    if (p.terminating) continue;
    const at = disrupted[p.name];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > nowMs) continue;
    if (p.ready) n++;
  }
  return n;
}

/**
 * upstream buildDisruptedPodMap: keeps the disruptions of pods still present and not yet terminating; those older
 * than DeletionTimeout are dropped (and reported: the eviction did not happen). `recheckAt` is when the next
 * kept entry expires.
 */
export function disruptedPodMap(pods: readonly PodFacts[], recorded: Readonly<Record<string, string>>, nowMs: number): { kept: Record<string, string>; expired: string[]; recheckAt?: number } {
  const kept: Record<string, string> = {};
  const expired: string[] = [];
  let recheckAt: number | undefined;
  for (const p of pods) {
    if (p.terminating) continue;
    const at = recorded[p.name];
    if (at === undefined) continue;
    const expires = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expires < nowMs) {
      expired.push(p.name);
      continue;
    }
    kept[p.name] = at;
    recheckAt = recheckAt === undefined ? expires : Math.min(recheckAt, expires);
  }
  return { kept, expired, ...(recheckAt !== undefined ? { recheckAt } : {}) };
}
