// One simulated kubelet: registers its Node, renews its Lease, posts node status when it changes (or every
// 5 min), runs the pods bound to it, and obeys the simulation-control annotations (power, detach, faults).
// upstream: pkg/kubelet/kubelet.go Run (syncNodeStatus every nodeStatusUpdateFrequency with JitterUntil 0.04),
// pkg/kubelet/kubelet_node_status.go, k8s.io/component-helpers/apimachinery/lease/controller.go.
import { rfc3339Seconds, uuidFrom, type SeededRandom, type TimerHandle } from '../../core/index.ts';
import { ApiError, resourceByKey } from '../api/index.ts';
import type { ControllerContext } from '../controllers/index.ts';
import type { NodeSpec } from '../nodes.ts';
import type { KubeObject } from '../store/index.ts';
import { PodIpAllocator } from './ipam.ts';
import { renewLease } from './lease.ts';
import { HEALTHY, nodeConditions, shouldReportStatus, type NodeCondition } from './node-status.ts';
import type { KubeletOptions } from './options.ts';
import { PodWorkers, type PodHost } from './pod-workers.ts';
import { desiredOf, powerStep, type KubeletMode } from './power.ts';
import { ownedStatusDiffers, registrationFor, type OwnedNodeStatus } from './registration.ts';

const NODES = resourceByKey('nodes')!;

/** What a kubelet needs from the controller that hosts it. */
export interface KubeletHost {
  ctx: ControllerContext;
  opts: KubeletOptions;
  /** The API pods bound to a node (from the controller's index, not a scan). */
  podsOn(nodeName: string): KubeObject[];
  selfWrite<T>(fn: () => T): T;
  setOwner(key: string, kubelet: SimKubelet | undefined): void;
}

export class SimKubelet {
  readonly name: string;
  readonly pods: PodWorkers;
  private mode: KubeletMode = 'down';
  private partitioned = false;
  private registered = false;
  private beatTimer: TimerHandle | undefined;
  private lastRenewMs: number | undefined;
  private lastStatusSyncMs: number | undefined;
  private bootTimer: TimerHandle | undefined;
  private owned: OwnedNodeStatus | undefined;
  private postedConditions: unknown;
  private lastReportMs: number | undefined;
  private downAtMs: number | undefined;
  private address = '';
  /** Booted while cut off from the API: the boot id to register with, and the reboot to restart pods for, on heal. */
  private pendingBootId: string | undefined;
  private pendingReboot: number | undefined;
  private allocator: PodIpAllocator | undefined;
  private readonly random: SeededRandom;
  private readonly ctx: ControllerContext;

  constructor(
    private readonly spec: NodeSpec,
    private readonly index: number,
    private readonly host: KubeletHost,
  ) {
    this.name = spec.name;
    this.ctx = host.ctx;
    this.random = host.ctx.random.fork(`kubelet/${spec.name}`);
    const podHost: PodHost = {
      nodeName: this.name,
      ctx: this.ctx,
      opts: host.opts,
      random: this.random,
      canWrite: () => this.mode === 'up' && !this.partitioned,
      hostIP: () => this.address,
      ipam: () => this.allocator,
      selfWrite: (fn) => host.selfWrite(fn),
      setOwner: (key, running) => host.setOwner(key, running ? this : undefined),
    };
    this.pods = new PodWorkers(podHost);
  }

  get state(): { mode: KubeletMode; partitioned: boolean; registered: boolean } {
    return { mode: this.mode, partitioned: this.partitioned, registered: this.registered };
  }

  /** First start (the twin starting): a powered node registers at once; no boot delay. */
  start(): void {
    const node = this.ctx.store.get('nodes', '', this.name);
    const want = desiredOf(node);
    this.partitioned = want.partitioned;
    if (want.detached) this.mode = 'detached';
    else if (!want.running) {
      this.mode = 'down';
      this.downAtMs = this.ctx.clock.now();
    } else this.bootUp(false);
  }

  stop(): void {
    this.halt();
  }

  /** The Node changed (or went): apply what its simulation-control annotations now say. */
  onNode(node: KubeObject | undefined): void {
    const want = desiredOf(node);
    switch (powerStep(this.mode, want)) {
      case 'detach':
        this.halt();
        this.mode = 'detached';
        return;
      case 'stop':
        this.halt();
        this.mode = 'down';
        this.downAtMs = this.ctx.clock.now();
        break;
      case 'boot':
        this.mode = 'booting';
        this.bootTimer = this.ctx.clock.setTimeout(() => this.guard('boot', () => this.bootUp(true)), this.ctx.config.bootDelayMs);
        break;
      case 'none':
        break;
    }
    if (this.mode === 'detached') return;
    const healed = this.partitioned && !want.partitioned;
    this.partitioned = want.partitioned;
    if (healed && this.mode === 'up') this.heal();
  }

  /** A pod bound to this node changed. While down or cut off, the kubelet cannot see it: its resync will. */
  syncPod(pod: KubeObject): void {
    if (this.mode !== 'up' || this.partitioned) return;
    this.pods.sync(pod);
  }

  // --- power ---------------------------------------------------------------------------------------------

  private bootUp(afterPowerOn: boolean): void {
    this.bootTimer = undefined;
    this.mode = 'up';
    this.registered = false;
    const bootId = uuidFrom(this.random);
    if (!this.partitioned) this.register(bootId);
    else this.pendingBootId = bootId;
    this.lastRenewMs = this.lastStatusSyncMs = undefined;
    this.beat();
    if (!this.partitioned) this.resync(afterPowerOn ? (this.downAtMs ?? this.ctx.clock.now()) : undefined);
    else this.pendingReboot = afterPowerOn ? (this.downAtMs ?? this.ctx.clock.now()) : undefined;
  }

  /** Power off, crash or detach: every loop stops, containers die, nothing more reaches the API. */
  private halt(): void {
    const clock = this.ctx.clock;
    clock.clearTimeout(this.beatTimer);
    clock.clearTimeout(this.bootTimer);
    this.beatTimer = this.bootTimer = undefined;
    this.pods.stopAll();
    this.registered = false;
  }

  /** The API is reachable again: register if never done, post status now, resend pod statuses, resync pods. */
  private heal(): void {
    if (!this.registered) this.register(this.pendingBootId ?? uuidFrom(this.random));
    else this.syncNodeStatus();
    this.renew();
    const reboot = this.pendingReboot;
    this.pendingReboot = undefined;
    this.resync(reboot);
    this.pods.flushDirty();
  }

  /** Every API pod bound here against the local runs: start what is new (restarted after a reboot), drop what went. */
  private resync(rebootAtMs: number | undefined): void {
    const seen = new Set<string>();
    for (const pod of this.host.podsOn(this.name)) {
      seen.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
      this.pods.sync(pod, rebootAtMs === undefined ? { mayAdopt: true } : { rebootAtMs });
    }
    for (const key of this.pods.keys()) if (!seen.has(key)) this.pods.forget(key);
  }

  // --- registration and node status ------------------------------------------------------------------------

  private register(bootId: string): void {
    const existing = this.ctx.store.get('nodes', '', this.name);
    const now = this.ctx.clock.now();
    const reg = registrationFor(this.spec, this.index, existing, now, bootId);
    try {
      const node = this.host.selfWrite(() =>
        existing ? this.ctx.registry.commitUpdate(NODES, reg.node, existing) : this.ctx.registry.create(NODES, '', reg.node),
      );
      this.registered = true;
      this.pendingBootId = undefined;
      this.remember(node, now);
      this.learnNetwork(node);
      for (const [type, reason, message] of reg.events) this.nodeEvent(type, reason, message);
    } catch (e) {
      this.pendingBootId = bootId;
      this.fail('register', e);
    }
  }

  /**
   * What the kubelet last posted, as the store holds it: while the API's node still holds these very objects
   * (nobody else wrote them), a status sync can skip recomputing — the common case, 1,000 nodes every 10 s.
   */
  private remember(node: KubeObject, now: number): void {
    const status = (node.status ?? {}) as Record<string, unknown>;
    this.owned = {
      capacity: status['capacity'],
      allocatable: status['allocatable'],
      addresses: status['addresses'],
      daemonEndpoints: status['daemonEndpoints'],
      nodeInfo: status['nodeInfo'] as Record<string, unknown>,
    };
    this.postedConditions = status['conditions'];
    this.lastReportMs = now;
  }

  private learnNetwork(node: KubeObject): void {
    const addresses = ((node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
    this.address = addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
    const cidr = (node.spec as { podCIDR?: string } | undefined)?.podCIDR;
    if (cidr && !this.allocator) this.allocator = new PodIpAllocator(cidr);
  }

  /** upstream: tryUpdateNodeStatus — compute every 10 s, post only on change or every nodeStatusReportFrequency. */
  private syncNodeStatus(): void {
    const node = this.ctx.store.get('nodes', '', this.name);
    if (!node || !this.owned) return; // upstream: a deleted Node is not re-created until the kubelet restarts
    const status = (node.status ?? {}) as Record<string, unknown> & { conditions?: NodeCondition[] };
    const now = this.ctx.clock.now();
    const untouched = status.conditions === this.postedConditions && !ownedStatusDiffers(status, this.owned);
    if (untouched && !shouldReportStatus(false, this.lastReportMs, now, this.host.opts.nodeStatusReportFrequencyMs)) return;
    const cond = nodeConditions(status.conditions, HEALTHY, rfc3339Seconds(now));
    const changed = cond.changed || ownedStatusDiffers(status, this.owned);
    if (!shouldReportStatus(changed, this.lastReportMs, now, this.host.opts.nodeStatusReportFrequencyMs)) return;
    try {
      const posted = this.host.selfWrite(() => this.ctx.registry.commitUpdate(NODES, { ...node, status: { ...status, ...this.owned, conditions: cond.conditions } }, node));
      this.remember(posted, now);
      for (const reason of cond.events) this.nodeEvent('Normal', reason, `Node ${this.name} status is now: ${reason}`);
    } catch (e) {
      this.fail('node status', e);
    }
  }

  // --- loops ---------------------------------------------------------------------------------------------

  /**
   * One loop serves upstream's two (the lease controller's and syncNodeStatus, each JitterUntil(period, 0.04)): it
   * ticks at the shorter period and does each job that is due within half a tick. With the defaults (10 s and
   * 10 s) both run on every tick — half the timers of two loops, which counts with 1,000 nodes.
   */
  private beat(): void {
    if (this.mode !== 'up') return;
    const now = this.ctx.clock.now();
    const { leaseRenewIntervalMs: lease, nodeStatusUpdateMs: status } = this.ctx.config;
    const tick = Math.max(1, Math.min(lease, status));
    const due = (last: number | undefined, every: number) => last === undefined || now - last + tick / 2 >= every;
    if (!this.partitioned) {
      if (due(this.lastRenewMs, lease)) {
        this.renew();
        this.lastRenewMs = now;
      }
      if (due(this.lastStatusSyncMs, status)) {
        if (!this.registered) this.register(this.pendingBootId ?? uuidFrom(this.random));
        else this.syncNodeStatus();
        this.pods.flushDirty(); // upstream: the status manager's periodic syncBatch (10 s)
        this.lastStatusSyncMs = now;
      }
    }
    this.beatTimer = this.ctx.clock.setTimeout(() => this.guard('heartbeat', () => this.beat()), this.period(tick));
  }

  private renew(): void {
    try {
      this.host.selfWrite(() => renewLease(this.ctx.registry, this.name, this.ctx.config.leaseDurationSeconds, this.ctx.clock.now()));
    } catch (e) {
      this.fail('lease', e); // upstream retries; we retry on the next beat
    }
  }

  /**
   * upstream: wait.JitterUntil(period, 0.04) — each period is period·(1 + 0.04·rand). The next beat is then put on
   * the heartbeat grid (see KubeletOptions.heartbeatGridMs), never earlier than the period.
   */
  private period(ms: number): number {
    const factor = this.host.opts.heartbeatJitterFactor;
    const jittered = factor > 0 ? this.random.jitter(ms, factor) : ms;
    const grid = this.host.opts.heartbeatGridMs;
    const now = this.ctx.clock.now();
    return Math.ceil((now + jittered) / grid) * grid - now;
  }

  private nodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    // upstream: the kubelet's nodeRef uses the node name as its UID.
    const ref: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: this.name, uid: this.name } };
    this.ctx.events.event(ref, type, reason, message, { component: 'kubelet', host: this.name });
  }

  private fail(what: string, e: unknown): void {
    // 503 without quorum, 404 for a Node deleted under us, …: retried on the next beat. Anything else is a bug.
    if (!(e instanceof ApiError)) this.ctx.onError(`kubelet/${this.name} ${what}`, e);
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.ctx.onError(`kubelet/${this.name} ${what}`, e);
    }
  }
}
