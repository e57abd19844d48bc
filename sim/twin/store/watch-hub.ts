// Fans each write out to the watchers of its resource, in RV order, even when handlers write back into the store.
import type { HistoryEntry } from './history.ts';
import type { KubeObject, WatchEvent } from './types.ts';

/**
 * `previous` is the object before this write (undefined for ADDED and for a list replayed as ADDED): in-process watchers
 * compare by reference to skip writes that left what they index untouched (a kubelet's status writes keep the spec
 * and the metadata's label and owner objects). It is not part of the event: HTTP watchers never see it.
 */
export type WatchHandler = (ev: WatchEvent, previous?: KubeObject) => void;

/** One open watch. `lastRv` makes delivery idempotent: nothing at or below it is delivered again. */
export class Watcher {
  stopped = false;
  private readonly onStop: (w: Watcher) => void;

  constructor(
    readonly resource: string,
    readonly namespace: string | undefined,
    private readonly handler: WatchHandler,
    public lastRv: number,
    onStop: (w: Watcher) => void,
  ) {
    this.onStop = onStop;
  }

  offer(entry: HistoryEntry): void {
    if (this.stopped || entry.rv <= this.lastRv) return;
    if (entry.resource !== this.resource) return;
    if (this.namespace !== undefined && entry.namespace !== this.namespace) return;
    this.lastRv = entry.rv;
    this.call(entry.event, entry.prev);
  }

  /** Calls the handler; a handler that throws is stopped so it can never break the writer. */
  call(ev: WatchEvent, previous?: KubeObject): void {
    try {
      this.handler(ev, previous);
    } catch {
      this.stop();
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop(this);
  }
}

interface ResourceWatchers {
  all: Set<Watcher>;
  byNamespace: Map<string, Set<Watcher>>;
}

export class WatchHub {
  private readonly byResource = new Map<string, ResourceWatchers>();
  private queue: HistoryEntry[] = [];
  private draining = false;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(w: Watcher): void {
    let rw = this.byResource.get(w.resource);
    if (rw === undefined) {
      rw = { all: new Set(), byNamespace: new Map() };
      this.byResource.set(w.resource, rw);
    }
    if (w.namespace === undefined) rw.all.add(w);
    else {
      let set = rw.byNamespace.get(w.namespace);
      if (set === undefined) rw.byNamespace.set(w.namespace, (set = new Set()));
      set.add(w);
    }
    this.count++;
  }

  remove(w: Watcher): void {
    const rw = this.byResource.get(w.resource);
    if (rw === undefined) return;
    let removed: boolean;
    if (w.namespace === undefined) removed = rw.all.delete(w);
    else {
      const set = rw.byNamespace.get(w.namespace);
      removed = set?.delete(w) ?? false;
      if (set !== undefined && set.size === 0) rw.byNamespace.delete(w.namespace);
    }
    if (removed) this.count--;
    if (rw.all.size === 0 && rw.byNamespace.size === 0) this.byResource.delete(w.resource);
  }

  /**
   * Delivers `entry` to its watchers. A handler that writes to the store re-enters here: the nested event is queued
   * and delivered after the current one has reached every watcher, so all watchers see one global RV order.
   */
  publish(entry: HistoryEntry): void {
    this.queue.push(entry);
    if (!this.draining) this.exclusive(() => undefined);
  }

  /** Runs `fn` (e.g. a history replay) with delivery held, then delivers whatever was queued meanwhile. */
  exclusive(fn: () => void): void {
    if (this.draining) {
      fn();
      return;
    }
    this.draining = true;
    try {
      fn();
      for (let i = 0; i < this.queue.length; i++) this.deliver(this.queue[i] as HistoryEntry);
    } finally {
      this.queue = [];
      this.draining = false;
    }
  }

  private deliver(entry: HistoryEntry): void {
    const rw = this.byResource.get(entry.resource);
    if (rw === undefined) return;
    for (const w of rw.all) w.offer(entry);
    const set = rw.byNamespace.get(entry.namespace);
    if (set !== undefined) for (const w of set) w.offer(entry);
  }
}
