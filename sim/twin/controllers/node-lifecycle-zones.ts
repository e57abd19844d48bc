// Zone disruption: how the node lifecycle controller slows or stops NoExecute tainting when many nodes of a
// zone (or all of them) go NotReady at once — a dead control-plane network looks like every node failing,
// and evicting everything then would make things worse. Pure functions plus a token bucket on the clock.
// upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go ComputeZoneState, handleDisruption,
// setLimiterInZone, ReducedQPSFunc/HealthyQPSFunc; scheduler.RateLimitedTimedQueue (burst 1).
import type { KubeObject } from '../store/index.ts';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** upstream defaults: --node-eviction-rate 0.1, --secondary-node-eviction-rate 0.01,
 * --unhealthy-zone-threshold 0.55, --large-cluster-size-threshold 50. */
export const ZONE_DEFAULTS = { evictionQps: 0.1, secondaryEvictionQps: 0.01, unhealthyZoneThreshold: 0.55, largeClusterThreshold: 50 };

/** upstream: labelNodeDisruptionExclusion — nodes with this label do not count towards zone health. */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

/** upstream: k8s.io/component-helpers/node/topology GetZoneKey — region + ":\x00:" + zone, "" when neither is set. */
export function zoneKey(node: KubeObject): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/** upstream: ComputeZoneState — `readyStatuses` holds each node's Ready status ('True', 'False', 'Unknown' or undefined). */
export function computeZoneState(readyStatuses: readonly (string | undefined)[], threshold = ZONE_DEFAULTS.unhealthyZoneThreshold): { unhealthy: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const s of readyStatuses) {
    if (s === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= threshold) return { unhealthy: notReady, state: 'PartialDisruption' };
  return { unhealthy: notReady, state: 'Normal' };
}

/** upstream: setLimiterInZone — the tainting rate (nodes per second) for a zone in a state. */
export function zoneQps(state: ZoneState, zoneSize: number, d = ZONE_DEFAULTS): number {
  switch (state) {
    case 'PartialDisruption':
      // upstream ReducedQPSFunc: small clusters stop evicting altogether.
      return zoneSize > d.largeClusterThreshold ? d.secondaryEvictionQps : 0;
    case 'FullDisruption':
    case 'Normal':
    case 'Initial':
      return d.evictionQps;
  }
}

/** A token bucket of burst 1 (upstream: flowcontrol.NewTokenBucketRateLimiter(qps, 1)); qps 0 never accepts. */
export class TokenBucket {
  private tokens = 1;
  private at: number;

  constructor(
    private qps: number,
    now: number,
  ) {
    this.at = now;
  }

  tryAccept(now: number): boolean {
    this.refill(now);
    if (this.qps <= 0 || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** When the next token is there (Infinity when the rate is 0). */
  nextAt(now: number): number {
    this.refill(now);
    if (this.qps <= 0) return Infinity;
    return this.tokens >= 1 ? now : now + Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }

  /** upstream SwapLimiter: a new bucket, drained when the old one had no token left. */
  swap(qps: number, now: number): void {
    if (qps === this.qps) return;
    const hadToken = this.tryAccept(now);
    this.qps = qps;
    this.at = now;
    this.tokens = qps > 0 && hadToken ? 1 : 0;
  }

  private refill(now: number): void {
    if (this.qps > 0) this.tokens = Math.min(1, this.tokens + ((now - this.at) / 1000) * this.qps);
    this.at = now;
  }
}
