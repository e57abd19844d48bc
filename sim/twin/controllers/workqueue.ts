// A deduplicating work queue like client-go's: a key waits in the queue once; a key re-added while it is
// being processed runs again afterwards; failures retry with backoff on the injected clock. While the queue
// has work it holds the clock, so lockstep time cannot jump past pending controller work.
import { type Clock, Fifo, type TimerHandle } from '../../core/index.ts';

export interface WorkQueueOptions {
  name: string;
  clock: Clock;
  /** Processes one key. Throwing (or returning false) requeues it with backoff. */
  process: (key: string) => void | boolean | Promise<void | boolean>;
  /** First retry delay (doubles each failure, capped at maxBackoffMs). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Process a key at most once per this many ms of clock time: adds in between wait for the next slot.
   * Status-keeping controllers (ReplicaSet, Deployment, …) walk all their pods per sync; a kubelet's pod
   * writes land at many jittered instants, so without this a 1,000-pod ReplicaSet resyncs thousands of
   * times a virtual second. Upstream's informer and rate limiters batch the same way in effect.
   */
  coalesceMs?: number;
  onError?: (key: string, err: unknown) => void;
}

export class WorkQueue {
  private readonly queue = new Fifo<string>();
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly lastRun = new Map<string, number>();
  private readonly deferred = new Set<string>();
  private release: (() => void) | undefined;
  private scheduled = false;
  private stopped = false;
  /** Pending delayed adds: cleared on stop, so a stopped twin leaves no timer keeping the process alive. */
  private readonly timers = new Set<TimerHandle>();

  constructor(private readonly opts: WorkQueueOptions) {}

  add(key: string): void {
    if (this.stopped) return;
    const coalesce = this.opts.coalesceMs;
    if (coalesce && !this.queued.has(key) && !this.processing.has(key)) {
      const last = this.lastRun.get(key);
      const wait = last === undefined ? 0 : last + coalesce - this.opts.clock.now();
      if (wait > 0) {
        if (this.deferred.has(key)) return;
        this.deferred.add(key);
        this.later(() => {
          this.deferred.delete(key);
          this.lastRun.delete(key);
          this.add(key);
        }, wait);
        return;
      }
    }
    if (this.processing.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.kick();
  }

  /** Adds the key after `ms` of clock time (no hold while waiting: the timer itself keeps lockstep honest). */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    this.later(() => this.add(key), ms);
  }

  private later(fn: () => void, ms: number): void {
    const handle = this.opts.clock.setTimeout(() => {
      this.timers.delete(handle);
      fn();
    }, ms);
    this.timers.add(handle);
  }

  get length(): number {
    return this.queue.length + this.processing.size;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) this.opts.clock.clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
    this.queued.clear();
    this.releaseHold();
  }

  private kick(): void {
    if (!this.release) this.release = this.opts.clock.hold(`workqueue:${this.opts.name}`);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate is event-loop scheduling, not a timer: the batch runs after the current I/O and writes.
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    this.scheduled = false;
    while (this.queue.length && !this.stopped) {
      const key = this.queue.take()!;
      this.queued.delete(key);
      this.processing.add(key);
      if (this.opts.coalesceMs) this.lastRun.set(key, this.opts.clock.now());
      let ok = true;
      try {
        // Only an asynchronous process is awaited: awaiting a plain value still costs a microtask turn per key.
        let result = this.opts.process(key);
        if (result instanceof Promise) result = await result;
        if (result === false) ok = false;
      } catch (e) {
        ok = false;
        this.opts.onError?.(key, e);
      }
      this.processing.delete(key);
      if (ok) this.failures.delete(key);
      else this.retry(key);
      if (this.dirty.delete(key)) this.add(key);
    }
    if (this.queue.length === 0 && this.processing.size === 0) this.releaseHold();
  }

  private retry(key: string): void {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    const base = this.opts.baseBackoffMs ?? 5;
    const delay = Math.min(base * 2 ** (n - 1), this.opts.maxBackoffMs ?? 1_000);
    this.addAfter(key, delay);
  }

  private releaseHold(): void {
    const r = this.release;
    this.release = undefined;
    r?.();
  }
}
