// The scheduler controller: keeps the cache and the scheduling queue from pod and node watches, drains the
// active queue in batches while holding the clock, binds, records failures, and carries out preemption.
// upstream: pkg/scheduler/scheduler.go, eventhandlers.go, schedule_one.go (scheduleOne, handleSchedulingFailure)
import type { SeededRandom } from '../../core/index.ts';
import { bindPod, deleteObject, resourceByKey, type ServedResource } from '../api/index.ts';
import { keyOf, watchResource, type Controller, type ControllerContext, type ControllerFactory } from '../controllers/index.ts';
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { SchedulingAlgorithm } from './algorithm.ts';
import { NodeChange, SchedulerCache } from './cache.ts';
import { fitErrorMessage, NO_NODES_AVAILABLE, truncateMessage } from './fit-error.ts';
import { podInfo, type PodInfo } from './pod-info.ts';
import type { PluginName, Rejection } from './plugins/types.ts';
import { clearedNomination, preemptedStatus, unschedulableStatus, type PodStatusLike } from './pod-status.ts';
import { pdbsFrom } from './pdbs.ts';
import { preempt, type Candidate } from './preemption.ts';
import { SchedulingQueue, type QueuedPod } from './queue.ts';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
const COMPONENT = { component: DEFAULT_SCHEDULER_NAME };

export interface SchedulerOptions {
  /** upstream: percentageOfNodesToScore; 0 = adaptive (50% − nodes/125, at least 5% and 100 nodes). */
  percentageOfNodesToScore?: number;
  /** Pods scheduled per event-loop turn before yielding to I/O (lockstep time stays held throughout). */
  batchSize?: number;
}

/** Which plugins' rejections a cluster event may cure (upstream: EventsToRegister / QueueingHints, simplified). */
const ON_POD_GONE: ReadonlySet<PluginName> = new Set(['NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity']);
const ON_POD_BOUND: ReadonlySet<PluginName> = new Set(['PodTopologySpread', 'InterPodAffinity']);
function pluginsForNodeChange(c: number): ReadonlySet<PluginName> | undefined {
  if (c & NodeChange.Added) return undefined;
  const s = new Set<PluginName>();
  if (c & NodeChange.Allocatable) s.add('NodeResourcesFit');
  if (c & NodeChange.Labels) ['NodeAffinity', 'PodTopologySpread', 'InterPodAffinity'].forEach((p) => s.add(p as PluginName));
  if (c & NodeChange.Taints) ['TaintToleration', 'PodTopologySpread'].forEach((p) => s.add(p as PluginName));
  if (c & NodeChange.Unschedulable) s.add('NodeUnschedulable');
  return s;
}

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  private readonly random: SeededRandom;
  private readonly algorithm: SchedulingAlgorithm;
  private readonly pods: ServedResource;
  private readonly batchSize: number;
  private stops: (() => void)[] = [];
  private release: (() => void) | undefined;
  private draining = false;
  /** The pod being bound right now: its bind event reuses the parsed pod instead of parsing it again. */
  private binding: PodInfo | undefined;
  private stopped = false;
  /** Pods bound and attempts made, for benchmarks. */
  readonly stats = { scheduled: 0, attempts: 0, failed: 0, preemptions: 0 };

  constructor(private readonly ctx: ControllerContext, opts: SchedulerOptions = {}) {
    this.random = ctx.random.fork('scheduler');
    this.cache = new SchedulerCache((ns) => ctx.store.get('namespaces', '', ns)?.metadata.labels);
    this.queue = new SchedulingQueue(ctx.clock, () => this.kick());
    this.algorithm = new SchedulingAlgorithm(this.cache, this.random, opts.percentageOfNodesToScore ?? 0);
    this.pods = resourceByKey('pods')!;
    this.batchSize = opts.batchSize ?? 1_000;
  }

  start(): void {
    this.stops.push(watchResource(this.ctx, 'nodes', (ev) => this.guard('node event', () => this.onNode(ev)), { replay: true }));
    this.stops.push(watchResource(this.ctx, 'pods', (ev, previous) => this.guard('pod event', () => this.onPod(ev, previous)), { replay: true }));
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.stops.splice(0)) s();
    this.queue.stop();
    this.releaseHold();
  }

  /** Watch handlers must never throw (the store would stop the watch): report instead. */
  private guard(where: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.ctx.onError(`scheduler: ${where}`, e);
    }
  }

  private onNode(ev: WatchEvent): void {
    if (ev.type === 'DELETED') return this.cache.removeNode(ev.object.metadata.name ?? '');
    if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED') return;
    const changes = this.cache.upsertNode(ev.object);
    if (changes) this.queue.moveAllToActiveOrBackoff(pluginsForNodeChange(changes));
  }

  private onPod(ev: WatchEvent, previous?: KubeObject): void {
    if (ev.type === 'BOOKMARK') return;
    if (ev.type === 'MODIFIED' && previous !== undefined && unchangedBoundPod(previous, ev.object)) return;
    const key = keyOf(ev.object);
    if (ev.type === 'DELETED') {
      this.queue.delete(key);
      this.cache.setNominated(undefined, key);
      if (this.cache.removeBoundPod(key)) this.queue.moveAllToActiveOrBackoff(ON_POD_GONE);
      return;
    }
    const obj = ev.object;
    const spec = (obj.spec ?? {}) as { nodeName?: string };
    if (spec.nodeName) return this.onBoundPod(key, obj);
    const prev = this.queue.get(key)?.pod;
    if (prev && prev.obj.spec === obj.spec && prev.obj.metadata.labels === obj.metadata.labels && prev.terminating === (obj.metadata.deletionTimestamp !== undefined)) {
      // Only status changed (our own condition write, most often): refresh without re-parsing requests.
      const info = { ...prev, obj, nominatedNodeName: ((obj.status ?? {}) as { nominatedNodeName?: string }).nominatedNodeName ?? '' };
      this.cache.setNominated(info, key);
      this.queue.update(info, false);
      return;
    }
    const info = podInfo(obj);
    if (info.schedulerName !== DEFAULT_SCHEDULER_NAME || info.terminating || info.gated || info.terminal) {
      this.queue.delete(key);
      this.cache.setNominated(undefined, key);
      return;
    }
    this.cache.setNominated(info, key);
    this.queue.add(info);
  }

  private onBoundPod(key: string, obj: KubeObject): void {
    if (this.queue.has(key)) this.queue.delete(key);
    this.cache.setNominated(undefined, key);
    const old = this.cache.boundPod(key);
    // Kubelet status heartbeats change nothing the scheduler reads: keep the parsed pod.
    const terminal = isTerminal(obj);
    if (old && old.obj.spec === obj.spec && old.obj.metadata.labels === obj.metadata.labels && old.terminating === (obj.metadata.deletionTimestamp !== undefined) && !terminal) {
      // The latest version, as upstream's informer cache holds: keeping the one parsed at binding kept a second
      // version of every running pod alive (its metadata and status copies, ~400 bytes a pod).
      old.obj = obj;
      return;
    }
    const b = this.binding;
    const info = !old && b && b.key === key && b.uid === obj.metadata.uid
      ? { ...b, obj, nodeName: (obj.spec as { nodeName: string }).nodeName, nominatedNodeName: '' }
      : podInfo(obj);
    this.cache.upsertBoundPod(info);
    if (!old) this.queue.moveAllToActiveOrBackoff(ON_POD_BOUND);
    else this.queue.moveAllToActiveOrBackoff(ON_POD_GONE);
  }

  // ---- the scheduling loop ----

  private kick(): void {
    if (this.stopped) return;
    this.release ??= this.ctx.clock.hold('scheduler');
    if (this.draining) return;
    this.draining = true;
    // setImmediate is event-loop scheduling, not a timer: the batch runs after the current write completes.
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.draining = false;
    if (this.stopped) return;
    for (let i = 0; i < this.batchSize; i++) {
      const q = this.queue.pop();
      if (!q) break;
      this.guard('scheduleOne', () => this.scheduleOne(q));
    }
    if (this.queue.activeLength > 0) this.kick();
    else this.releaseHold();
  }

  private releaseHold(): void {
    const r = this.release;
    this.release = undefined;
    r?.();
  }

  private scheduleOne(q: QueuedPod): void {
    const pod = q.pod;
    const fresh = this.ctx.store.get('pods', pod.namespace, pod.name);
    if (!fresh || fresh.metadata.uid !== pod.uid || (fresh.spec as { nodeName?: string }).nodeName || fresh.metadata.deletionTimestamp) {
      this.queue.done(q.key);
      return;
    }
    this.stats.attempts++;
    if (this.cache.nodeCount === 0) return this.fail(q, fresh, NO_NODES_AVAILABLE, undefined, new Set());
    const outcome = this.algorithm.schedule(pod);
    if (outcome.kind === 'fit') return this.bind(q, outcome.node.name);
    const rejectedBy = new Set<PluginName>([...outcome.statuses.values()].map((s) => s.plugin));
    const result = preempt(outcome.state, outcome.nodes, outcome.statuses, this.pdbs(), this.random);
    let postFilterMsg = '';
    let nominate: string | undefined;
    if (result.kind === 'none') {
      postFilterMsg = result.postFilterMsg;
      if (result.clearNomination) nominate = '';
    } else {
      this.preemptVictims(fresh, pod, result.candidate);
      nominate = result.candidate.node.name;
    }
    const message = fitErrorMessage(outcome.nodes.length, outcome.statuses.values(), postFilterMsg);
    this.fail(q, fresh, message, nominate, rejectedBy);
  }

  private bind(q: QueuedPod, nodeName: string): void {
    const pod = q.pod;
    try {
      this.binding = pod;
      bindPod(this.ctx.registry, pod.namespace, pod.name, { target: { kind: 'Node', name: nodeName } });
    } catch (e) {
      // upstream: a failed bind forgets the assumed pod and retries with backoff.
      this.ctx.events.event(pod.obj, 'Warning', 'FailedScheduling', truncateMessage(`Binding rejected: ${(e as Error).message}`), COMPONENT);
      this.queue.errorAfterAttempt(q);
      return;
    } finally {
      this.binding = undefined;
    }
    this.queue.done(q.key);
    this.stats.scheduled++;
    this.ctx.events.event(pod.obj, 'Normal', 'Scheduled', `Successfully assigned ${pod.namespace}/${pod.name} to ${nodeName}`, COMPONENT);
  }

  private fail(q: QueuedPod, fresh: KubeObject, message: string, nominate: string | undefined, rejectedBy: ReadonlySet<PluginName>): void {
    this.stats.failed++;
    const msg = truncateMessage(message);
    this.ctx.events.event(fresh, 'Warning', 'FailedScheduling', msg, COMPONENT);
    this.writeStatus(fresh, (s) => unschedulableStatus(s, msg, nominate, this.ctx.clock.now()));
    this.queue.unschedulableAfterAttempt(q, rejectedBy);
  }

  /** upstream: prepareCandidate — mark and delete each victim, then clear lower-priority nominations there. */
  private preemptVictims(preemptorObj: KubeObject, preemptor: PodInfo, c: Candidate): void {
    this.stats.preemptions++;
    const schedulerName = ((preemptorObj.spec ?? {}) as { schedulerName?: string }).schedulerName ?? DEFAULT_SCHEDULER_NAME;
    for (const v of c.victims) {
      const victim = this.ctx.store.get('pods', v.namespace, v.name);
      if (!victim || victim.metadata.uid !== v.uid || victim.metadata.deletionTimestamp) continue;
      try {
        this.writeStatus(victim, (s) => preemptedStatus(s, schedulerName, this.ctx.clock.now()));
        deleteObject(this.ctx.registry, this.pods, v.namespace, v.name);
        this.ctx.events.event(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.uid} on node ${c.node.name}`, COMPONENT);
      } catch (e) {
        this.ctx.onError(`scheduler: preempting ${v.key}`, e);
      }
    }
    for (const p of [...this.cache.nominatedPods(c.node.name)]) {
      if (p.priority >= preemptor.priority || p.key === preemptor.key) continue;
      const obj = this.ctx.store.get('pods', p.namespace, p.name);
      if (obj) this.writeStatus(obj, clearedNomination);
    }
  }

  private writeStatus(obj: KubeObject, change: (s: PodStatusLike) => PodStatusLike | undefined): void {
    const next = change((obj.status ?? {}) as PodStatusLike);
    if (!next) return;
    try {
      this.ctx.registry.commitUpdate(this.pods, { ...obj, status: next }, obj);
    } catch (e) {
      // A status write can fail (the pod went away, or no quorum): the next attempt writes it again.
      this.ctx.onError(`scheduler: status of ${keyOf(obj)}`, e);
    }
  }

  private pdbs() {
    return pdbsFrom(this.ctx.store.list('poddisruptionbudgets.policy', undefined).items);
  }
}

function isTerminal(obj: KubeObject): boolean {
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function makeSchedulerController(opts: SchedulerOptions = {}): ControllerFactory {
  return (ctx) => new Scheduler(ctx, opts);
}

export const schedulerController: ControllerFactory = makeSchedulerController();

export type { Rejection };

/**
 * A bound pod's write that changed nothing the scheduler reads (a kubelet's status report): same spec and label
 * objects (writers share them by reference), same deletion state, not finished. Cheaper than looking it up by key.
 */
function unchangedBoundPod(previous: KubeObject, obj: KubeObject): boolean {
  return previous.spec === obj.spec && (obj.spec as { nodeName?: string } | undefined)?.nodeName !== undefined &&
    previous.metadata.labels === obj.metadata.labels &&
    (previous.metadata.deletionTimestamp === undefined) === (obj.metadata.deletionTimestamp === undefined) &&
    !isTerminal(obj);
}
