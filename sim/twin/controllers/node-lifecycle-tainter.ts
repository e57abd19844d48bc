// The rate-limited NoExecute tainting queues of the node lifecycle controller, one per zone, and the zone
// disruption states that set their rates. Timers run on the injected clock.
// upstream: node_lifecycle_controller.go zoneNoExecuteTainter, markNodeForTainting, doNoExecuteTaintingPass,
// handleDisruption; scheduler/rate_limited_queue.go RateLimitedTimedQueue.Try.
import type { Clock, TimerHandle } from '../../core/index.ts';
import type { KubeObject } from '../store/index.ts';
import { computeZoneState, TokenBucket, zoneKey, zoneQps, ZONE_DEFAULTS, type ZoneState } from './node-lifecycle-zones.ts';

interface Zone {
  queue: string[];
  bucket: TokenBucket;
  state: ZoneState;
}

export class NoExecuteTainter {
  private readonly zones = new Map<string, Zone>();
  private readonly zoneOfNode = new Map<string, string>();
  private timer: TimerHandle | undefined;
  private timerAt = Infinity;
  /** Set by handleDisruption when the cluster just left "every zone fully disrupted". */
  exitedFullDisruption = false;

  constructor(
    private readonly clock: Clock,
    /** Taints one node; false retries it later. */
    private readonly process: (node: string) => boolean,
  ) {}

  zoneOf(node: KubeObject): string {
    return zoneKey(node);
  }

  /** upstream addPodEvictorForNewZone: a zone seen for the first time starts "Initial" at the normal rate. */
  trackZone(node: KubeObject): void {
    const z = zoneKey(node);
    const name = node.metadata.name ?? '';
    const was = this.zoneOfNode.get(name);
    if (was !== undefined && was !== z) this.remove(name);
    this.zoneOfNode.set(name, z);
    if (!this.zones.has(z)) this.zones.set(z, { queue: [], bucket: new TokenBucket(ZONE_DEFAULTS.evictionQps, this.clock.now()), state: 'Initial' });
  }

  /** upstream markNodeForTainting: queue the node (once) for its NoExecute taint. */
  mark(node: KubeObject, _status: 'False' | 'Unknown'): void {
    this.trackZone(node);
    const zone = this.zones.get(zoneKey(node))!;
    const name = node.metadata.name ?? '';
    if (!zone.queue.includes(name)) zone.queue.push(name);
  }

  remove(name: string): void {
    const z = this.zoneOfNode.get(name);
    const zone = z === undefined ? undefined : this.zones.get(z);
    if (!zone) return;
    const i = zone.queue.indexOf(name);
    if (i >= 0) zone.queue.splice(i, 1);
  }

  /**
   * upstream handleDisruption. `zoneReady` has each zone's nodes' Ready statuses this pass. Returns true when the
   * cluster enters "all zones fully disrupted": the caller then removes every node's NoExecute taints.
   */
  handleDisruption(zoneReady: ReadonlyMap<string, readonly (string | undefined)[]>): boolean {
    this.exitedFullDisruption = false;
    const now = this.clock.now();
    const next = new Map<string, ZoneState>();
    let allAre = true;
    for (const [z, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses);
      if (state !== 'FullDisruption') allAre = false;
      next.set(z, state);
      if (!this.zones.has(z)) this.zones.set(z, { queue: [], bucket: new TokenBucket(ZONE_DEFAULTS.evictionQps, now), state: 'Initial' });
    }
    let allWere = true;
    for (const [z, zone] of [...this.zones]) {
      if (!zoneReady.has(z)) {
        this.zones.delete(z);
        continue;
      }
      if (zone.state !== 'FullDisruption') allWere = false;
    }
    if (allAre && allWere) return false;
    if (allAre) {
      // upstream: "Controller detected that all Nodes are not-Ready. Entering master disruption mode."
      for (const zone of this.zones.values()) {
        zone.bucket.swap(0, now);
        zone.state = 'FullDisruption';
      }
      return true;
    }
    if (allWere) this.exitedFullDisruption = true;
    for (const [z, zone] of this.zones) {
      const state = next.get(z)!;
      if (!allWere && zone.state === state) continue;
      zone.bucket.swap(zoneQps(state, zoneReady.get(z)?.length ?? 0), now);
      zone.state = state;
    }
    return false;
  }

  stateOf(zone: string): ZoneState | undefined {
    return this.zones.get(zone)?.state;
  }

  /** upstream doNoExecuteTaintingPass (every 100 ms there; here when work is queued and a token is due). */
  pass(): void {
    const now = this.clock.now();
    let nextAt = Infinity;
    for (const z of [...this.zones.keys()].sort()) {
      const zone = this.zones.get(z)!;
      const retry: string[] = [];
      while (zone.queue.length && zone.bucket.tryAccept(now)) {
        const name = zone.queue.shift()!;
        if (!this.process(name)) retry.push(name);
      }
      zone.queue.push(...retry);
      if (zone.queue.length) nextAt = Math.min(nextAt, Math.max(zone.bucket.nextAt(now), now + 1));
    }
    this.schedule(nextAt);
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(at: number): void {
    if (at === Infinity || (this.timer && this.timerAt <= at)) return;
    this.clock.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.pass();
    }, at - this.clock.now());
  }
}
