// The scheduling queue: activeQ (priority, then creation time), backoffQ (1 s doubling to 10 s per attempt) and
// the unschedulable pool, which cluster events move back when a plugin that rejected the pod may now pass.
// upstream: pkg/scheduler/backend/queue/scheduling_queue.go (PriorityQueue), plugins/queuesort/priority_sort.go;
// podInitialBackoffSeconds 1, podMaxBackoffSeconds 10, podMaxInUnschedulablePodsDuration 5 min (flushed every 30 s).
import type { Clock, TimerHandle } from '../../core/index.ts';
import { Heap } from './heap.ts';
import type { PodInfo } from './pod-info.ts';
import type { PluginName } from './plugins/types.ts';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
const FLUSH_UNSCHEDULABLE_EVERY_MS = 30_000;

export type QueueState = 'active' | 'backoff' | 'unschedulable' | 'inflight';

export interface QueuedPod {
  key: string;
  pod: PodInfo;
  state: QueueState;
  /** Insertion order: the last tie-breaker, so equal pods keep arrival order. */
  seq: number;
  attempts: number;
  lastAttemptMs: number;
  unschedulableSinceMs: number;
  /** Plugins that rejected the pod last time; events that cannot help them leave it alone. */
  rejectedBy: ReadonlySet<PluginName>;
  token: number;
}

interface Slot {
  q: QueuedPod;
  token: number;
  at: number;
}

export class SchedulingQueue {
  private readonly entries = new Map<string, QueuedPod>();
  private readonly active = new Heap<Slot>((a, b) => byPriority(a.q, b.q));
  private readonly backoff = new Heap<Slot>((a, b) => (a.at !== b.at ? a.at < b.at : a.q.seq < b.q.seq));
  private readonly unschedulable = new Set<QueuedPod>();
  /** Unschedulable pods by the plugins that rejected them ('*': rejected with no plugin named), so an event touches only its pods. */
  private readonly byPlugin = new Map<PluginName | '*', Set<QueuedPod>>();
  private activeCount = 0;
  private seq = 0;
  private backoffTimer: { handle: TimerHandle; at: number } | undefined;
  private flushTimer: TimerHandle | undefined;
  /** upstream: moveRequestCycle — a pod that failed while a move happened retries instead of parking. */
  private moveCycle = 0;
  private popCycle = 0;

  constructor(
    private readonly clock: Clock,
    /** Called when pods become active (the scheduler then holds the clock and drains). */
    private readonly onActive: () => void,
  ) {}

  get activeLength(): number {
    return this.activeCount;
  }

  get pendingLength(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): QueuedPod | undefined {
    return this.entries.get(key);
  }

  add(pod: PodInfo): void {
    const existing = this.entries.get(pod.key);
    if (existing) return this.update(pod);
    const q: QueuedPod = { key: pod.key, pod, state: 'active', seq: this.seq++, attempts: 0, lastAttemptMs: 0, unschedulableSinceMs: 0, rejectedBy: new Set(), token: 0 };
    this.entries.set(pod.key, q);
    this.toActive(q);
  }

  /** A pending pod changed. upstream: Update moves an unschedulable pod whose spec or labels changed. */
  update(pod: PodInfo, specChanged = true): void {
    const q = this.entries.get(pod.key);
    if (!q) return this.add(pod);
    q.pod = pod;
    if (q.state === 'unschedulable' && specChanged) this.moveOne(q);
  }

  delete(key: string): void {
    const q = this.entries.get(key);
    if (!q) return;
    this.leave(q);
    this.entries.delete(key);
  }

  pop(): QueuedPod | undefined {
    for (;;) {
      const slot = this.active.pop();
      if (!slot) return undefined;
      const q = slot.q;
      if (q.token !== slot.token || q.state !== 'active') continue;
      this.activeCount--;
      q.state = 'inflight';
      q.attempts++;
      q.lastAttemptMs = this.clock.now();
      this.popCycle = this.moveCycle;
      return q;
    }
  }

  /** The attempt failed as unschedulable: park it, or back off if the cluster changed meanwhile. */
  unschedulableAfterAttempt(q: QueuedPod, rejectedBy: ReadonlySet<PluginName>): void {
    if (q.state !== 'inflight' || this.entries.get(q.key) !== q) return;
    q.rejectedBy = rejectedBy;
    if (this.moveCycle > this.popCycle) return this.toBackoffOrActive(q);
    q.state = 'unschedulable';
    q.unschedulableSinceMs = this.clock.now();
    this.unschedulable.add(q);
    for (const p of q.rejectedBy.size ? q.rejectedBy : ['*' as const]) {
      let set = this.byPlugin.get(p);
      if (!set) this.byPlugin.set(p, (set = new Set()));
      set.add(q);
    }
    this.flushTimer ??= this.clock.setInterval(() => this.flushLeftover(), FLUSH_UNSCHEDULABLE_EVERY_MS);
  }

  /** An error (e.g. a failed bind): retry after backoff. */
  errorAfterAttempt(q: QueuedPod): void {
    if (q.state !== 'inflight' || this.entries.get(q.key) !== q) return;
    this.toBackoff(q);
  }

  /** The pod was bound (or left the queue): forget it. */
  done(key: string): void {
    this.delete(key);
  }

  /** A cluster event: moves unschedulable pods rejected by a plugin in `plugins` (all pods when undefined). */
  moveAllToActiveOrBackoff(plugins?: ReadonlySet<PluginName>): void {
    this.moveCycle++;
    if (this.unschedulable.size === 0) return;
    if (!plugins) {
      for (const q of [...this.unschedulable]) this.moveOne(q);
      return;
    }
    const moving = new Set<QueuedPod>(this.byPlugin.get('*'));
    for (const p of plugins) for (const q of this.byPlugin.get(p) ?? []) moving.add(q);
    for (const q of moving) this.moveOne(q);
  }

  stop(): void {
    this.clock.clearTimeout(this.backoffTimer?.handle);
    this.clock.clearInterval(this.flushTimer);
    this.backoffTimer = undefined;
    this.flushTimer = undefined;
  }

  private moveOne(q: QueuedPod): void {
    this.leave(q);
    this.toBackoffOrActive(q);
  }

  private backoffUntil(q: QueuedPod): number {
    if (q.attempts === 0) return 0;
    const d = Math.min(POD_INITIAL_BACKOFF_MS * 2 ** (q.attempts - 1), POD_MAX_BACKOFF_MS);
    return q.lastAttemptMs + d;
  }

  private toBackoffOrActive(q: QueuedPod): void {
    if (this.backoffUntil(q) > this.clock.now()) this.toBackoff(q);
    else this.toActive(q);
  }

  private toActive(q: QueuedPod): void {
    q.state = 'active';
    q.token++;
    this.active.push({ q, token: q.token, at: 0 });
    this.activeCount++;
    this.onActive();
  }

  private toBackoff(q: QueuedPod): void {
    q.state = 'backoff';
    q.token++;
    const at = this.backoffUntil(q);
    this.backoff.push({ q, token: q.token, at });
    this.armBackoffTimer();
  }

  private leave(q: QueuedPod): void {
    if (q.state === 'active') this.activeCount--;
    if (q.state === 'unschedulable') {
      this.unschedulable.delete(q);
      for (const p of q.rejectedBy.size ? q.rejectedBy : ['*' as const]) this.byPlugin.get(p)?.delete(q);
    }
    q.token++;
    q.state = 'inflight';
    if (this.unschedulable.size === 0 && this.flushTimer) {
      this.clock.clearInterval(this.flushTimer);
      this.flushTimer = undefined;
    }
  }

  private armBackoffTimer(): void {
    let top = this.backoff.peek();
    while (top && (top.q.token !== top.token || top.q.state !== 'backoff')) {
      this.backoff.pop();
      top = this.backoff.peek();
    }
    if (!top) return;
    if (this.backoffTimer && this.backoffTimer.at <= top.at) return;
    this.clock.clearTimeout(this.backoffTimer?.handle);
    const at = top.at;
    const handle = this.clock.setTimeout(() => {
      this.backoffTimer = undefined;
      this.flushBackoff();
    }, Math.max(0, at - this.clock.now()));
    this.backoffTimer = { handle, at };
  }

  /** upstream: flushBackoffQCompleted. */
  private flushBackoff(): void {
    const now = this.clock.now();
    for (let top = this.backoff.peek(); top && top.at <= now; top = this.backoff.peek()) {
      this.backoff.pop();
      if (top.q.token === top.token && top.q.state === 'backoff') this.toActive(top.q);
    }
    this.armBackoffTimer();
  }

  /** upstream: flushUnschedulablePodsLeftover — pods parked longer than 5 minutes retry anyway. */
  private flushLeftover(): void {
    const now = this.clock.now();
    for (const q of [...this.unschedulable]) if (now - q.unschedulableSinceMs >= POD_MAX_IN_UNSCHEDULABLE_MS) this.moveOne(q);
  }
}

/** upstream: queuesort.PrioritySort — higher priority first; then (here) creation time, then arrival. */
export function byPriority(a: QueuedPod, b: QueuedPod): boolean {
  if (a.pod.priority !== b.pod.priority) return a.pod.priority > b.pod.priority;
  if (a.pod.createdMs !== b.pod.createdMs) return a.pod.createdMs < b.pod.createdMs;
  return a.seq < b.seq;
}
