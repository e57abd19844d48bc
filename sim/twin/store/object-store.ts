// The twin's etcd: an in-memory MVCC object store with one global resourceVersion, bounded history and watches.
import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../../core/clock.ts';
import { equalExcept, jsonEqual } from './deep-equal.ts';
import { StoreError } from './errors.ts';
import { alreadyExists, checkPreconditions, checkShape, checkUpdatable, notFound, parseWatchStart, rfc3339Seconds } from './checks.ts';
import { FieldIndex, type IndexFunc } from './field-index.ts';
import { History, type HistoryEntry } from './history.ts';
import { checkPathSegment, stampObjectKey } from './keys.ts';
import { listPage, type ListOptions, type ListResult } from './list.ts';
import { GENERATE_NAME_ATTEMPTS, generateName } from './names.ts';
import { ResourceTable } from './resource-table.ts';
import type { KubeObject, ObjectMeta } from './types.ts';
import { WatchHub, Watcher, type WatchHandler } from './watch-hub.ts';

export interface StoreOptions {
  clock: Clock;
  /** Events kept for watch-from-RV and consistent list pages. Default 10 000. */
  historyLimit?: number;
  /** uid generator; lockstep runs inject a seeded one. Default crypto.randomUUID. */
  uid?: () => string;
  /** [0, 1) source for generateName suffixes; lockstep runs inject a seeded one. Default Math.random. */
  random?: () => number;
  /** Shallow-freeze stored objects and their metadata so in-place edits throw. Default true. */
  freeze?: boolean;
}

export interface WatchOptions {
  bookmarks?: boolean;
  /** Clock time between BOOKMARK events. Default 60 000 (upstream's cacher sends one about each minute). */
  bookmarkIntervalMs?: number;
}

export interface WatchHandle {
  stop(): void;
}

// etcd's revision of an empty cluster is 1, so the first write is resourceVersion 2 and "0" never names a state.
const BASE_RV = 1;
const DEFAULT_HISTORY = 10_000;
const DEFAULT_BOOKMARK_MS = 60_000;
// upstream: strategies bump metadata.generation only for spec changes; "everything but metadata and status" here.
const NOT_SPEC = new Set(['metadata', 'status']);

/**
 * OWNERSHIP: `create` and `update` keep (shallow copies of) what you pass, sharing everything nested inside it, and
 * every object the store returns or delivers is shared with the store, its history and all watchers.
 * NEVER MUTATE AN OBJECT YOU GOT FROM THE STORE, nor one you handed to it. Build a new one and `update`.
 * The store itself never mutates an object after handing it out: writes replace.
 */
export class ObjectStore {
  private rv = BASE_RV;
  private readonly clock: Clock;
  private readonly uid: () => string;
  private readonly random: () => number;
  private readonly freeze: boolean;
  private readonly tables = new Map<string, ResourceTable>();
  private readonly history: History;
  private readonly hub = new WatchHub();
  private readonly indexes = new Map<string, Map<string, FieldIndex>>();
  private objectCount = 0;

  constructor(opts: StoreOptions) {
    this.clock = opts.clock;
    this.uid = opts.uid ?? randomUUID;
    this.random = opts.random ?? Math.random;
    this.freeze = opts.freeze ?? true;
    this.history = new History(opts.historyLimit ?? DEFAULT_HISTORY, BASE_RV);
  }

  /** The current global resourceVersion (a decimal string, like etcd's revision). */
  resourceVersion(): string {
    return String(this.rv);
  }

  /** The stored object itself (O(1), no copy). namespace '' = cluster-scoped. */
  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.get(namespace, name);
  }

  /**
   * How many writes a resource has had: a caller that derives something from all its objects (the default
   * PriorityClass, say) can keep the result until this moves.
   */
  writesTo(resource: string): number {
    return this.tables.get(resource)?.writes ?? 0;
  }

  /**
   * Items in etcd key order (namespace, then name); namespace undefined = all namespaces, '' = cluster-scoped.
   * With `limit`, a `continue` token is returned while items remain; continued pages list the store as it was at the
   * first page (upstream: etcd reads the first page's revision), rebuilt from history, or throw Expired.
   */
  list(resource: string, namespace: string | undefined, opts?: ListOptions): ListResult {
    return listPage(this.tables.get(resource), this.history, this.rv, resource, namespace, opts);
  }

  /**
   * Stores a new object: fresh uid, resourceVersion, creationTimestamp and generation 1, as upstream's BeforeCreate.
   * `metadata.name` wins over `generateName`. The passed object is not modified, unless `owned`: the caller hands
   * over a fresh object it never touches again (the registry's own copy), which is then stored as it is, frozen.
   */
  create(resource: string, obj: KubeObject, opts: { owned?: boolean } = {}): KubeObject {
    const meta = checkShape(obj);
    const namespace = meta.namespace ?? '';
    if (namespace !== '') checkPathSegment('metadata.namespace', namespace);
    // upstream: storage/etcd3 store.go Create — "resourceVersion should not be set on objects to be created".
    if (meta.resourceVersion !== undefined && meta.resourceVersion !== '') {
      throw new StoreError('Invalid', `${resource}: metadata.resourceVersion must not be set on create`);
    }
    const name = this.pickName(resource, namespace, meta);
    const rv = this.rv + 1;
    // An owned object keeps the layout it was built with (in-object fields): no copy, no second hidden class.
    const metadata = opts.owned ? meta : copyOf(meta);
    metadata.name = name;
    metadata.uid = this.uid();
    metadata.resourceVersion = String(rv);
    metadata.generation = 1;
    metadata.creationTimestamp = rfc3339Seconds(this.clock.now());
    // upstream: rest/create.go BeforeCreate clears deletion fields a client may have sent.
    if (metadata.deletionTimestamp !== undefined) delete metadata.deletionTimestamp;
    if (metadata.deletionGracePeriodSeconds !== undefined) delete metadata.deletionGracePeriodSeconds;
    const stored = this.seal(opts.owned ? obj : withMetadata(obj, metadata));
    this.commit(resource, namespace, name, 'ADDED', stored, stored, undefined);
    return stored;
  }

  /**
   * Replaces an object. Keeps uid, creationTimestamp and any deletionTimestamp from the stored one, as upstream's
   * BeforeUpdate. A metadata.resourceVersion that differs from the stored one is a Conflict; none means unconditional.
   */
  update(resource: string, obj: KubeObject): KubeObject {
    const meta = checkShape(obj);
    const namespace = meta.namespace ?? '';
    const name = meta.name;
    if (name === undefined || name === '') throw new StoreError('Invalid', `${resource}: metadata.name is required`);
    const old = this.get(resource, namespace, name);
    if (old === undefined) throw notFound(resource, namespace, name);
    const oldMeta = old.metadata;
    checkUpdatable(resource, name, meta, oldMeta);
    const metadata = copyOf(meta);
    metadata.uid = oldMeta.uid;
    metadata.creationTimestamp = oldMeta.creationTimestamp;
    metadata.generation = oldMeta.generation;
    metadata.resourceVersion = oldMeta.resourceVersion;
    // upstream: rest/update.go BeforeUpdate — "an update can never remove/change a deletion timestamp" (nor the grace).
    if (oldMeta.deletionTimestamp !== undefined) metadata.deletionTimestamp = oldMeta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined && metadata.deletionGracePeriodSeconds === undefined) {
      metadata.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    }
    const next = withMetadata(obj, metadata);
    // upstream: etcd3 GuaranteedUpdate skips the write when the new bytes equal the stored ones.
    if (jsonEqual(next, old)) return old;
    if (!equalExcept(next, old, NOT_SPEC)) metadata.generation = (oldMeta.generation ?? 0) + 1;
    metadata.resourceVersion = String(this.rv + 1);
    const stored = this.seal(next);
    this.commit(resource, namespace, name, 'MODIFIED', stored, stored, old);
    return stored;
  }

  /** Removes an object and returns its last state, stamped with the deletion's resourceVersion (as etcd3 does). */
  delete(
    resource: string,
    namespace: string,
    name: string,
    preconditions?: { uid?: string; resourceVersion?: string },
  ): KubeObject {
    const old = this.get(resource, namespace, name);
    if (old === undefined) throw notFound(resource, namespace, name);
    checkPreconditions(old.metadata, preconditions);
    const lastMeta = copyOf(old.metadata);
    lastMeta.resourceVersion = String(this.rv + 1);
    const last = this.seal(withMetadata(old, lastMeta));
    this.commit(resource, namespace, name, 'DELETED', last, undefined, old);
    return last;
  }

  /**
   * Replays history after `fromResourceVersion` (exclusive), then streams live events, all in RV order.
   * The handler runs synchronously inside the write; it may write to the store (nested events are queued so every
   * watcher still sees one order). A handler that throws is stopped. Replay happens before `watch` returns.
   */
  watch(
    resource: string,
    namespace: string | undefined,
    fromResourceVersion: string | undefined,
    handler: WatchHandler,
    opts: WatchOptions = {},
  ): WatchHandle {
    const every = opts.bookmarkIntervalMs ?? DEFAULT_BOOKMARK_MS;
    if (!(every > 0)) throw new StoreError('Invalid', `bookmarkIntervalMs must be > 0, got ${every}`);
    const start = parseWatchStart(fromResourceVersion, this.rv, this.history.oldestUsableRv());
    let timer: TimerHandle | undefined;
    const watcher = new Watcher(resource, namespace, handler, start, (w) => {
      this.hub.remove(w);
      if (timer !== undefined) this.clock.clearInterval(timer);
    });
    const upTo = this.rv;
    this.hub.exclusive(() => {
      this.hub.add(watcher);
      this.history.forEachAfter(start, (e) => watcher.offer(e), upTo);
    });
    if (opts.bookmarks === true && !watcher.stopped) {
      timer = this.clock.setInterval(() => {
        // upstream: a BOOKMARK carries only metadata.resourceVersion: "everything up to here was sent".
        if (!watcher.stopped) watcher.call({ type: 'BOOKMARK', object: { metadata: { resourceVersion: String(this.rv) } } });
      }, every);
    }
    return { stop: () => watcher.stop() };
  }

  /**
   * Indexes `resource` by `field` (a name the caller chooses, e.g. a field selector's), for `listIndexed`.
   * Objects already stored are indexed now; every later write keeps the index current.
   */
  addIndex(resource: string, field: string, fn: IndexFunc): void {
    let byField = this.indexes.get(resource);
    if (byField === undefined) this.indexes.set(resource, (byField = new Map()));
    if (byField.has(field)) throw new StoreError('Invalid', `${resource}: an index on ${field} exists already`);
    const index = new FieldIndex(fn);
    this.tables.get(resource)?.walk(undefined, undefined, (ns, name, obj) => (index.update(ns, name, undefined, obj), true));
    byField.set(field, index);
  }

  /** Whether `resource` has an index on `field`. */
  hasIndex(resource: string, field: string): boolean {
    return this.indexes.get(resource)?.has(field) ?? false;
  }

  /**
   * The current objects whose indexed `field` is `value`, in key order, kept by `filter` — what `list` without
   * limit or continue gives for the same filter, when the filter requires that value, but without walking them all.
   */
  listIndexed(resource: string, namespace: string | undefined, field: string, value: string, filter?: (o: KubeObject) => boolean): ListResult {
    const index = this.indexes.get(resource)?.get(field);
    if (index === undefined) throw new StoreError('Invalid', `${resource}: no index on ${field}`);
    const items: KubeObject[] = [];
    for (const e of index.lookup(value, namespace)) {
      const obj = this.get(resource, e.namespace, e.name);
      if (obj !== undefined && (filter === undefined || filter(obj))) items.push(obj);
    }
    return { items, resourceVersion: String(this.rv) };
  }

  /** Counts for benchmarks/metrics. */
  stats(): { objects: number; historyLength: number; watchers: number } {
    return { objects: this.objectCount, historyLength: this.history.size, watchers: this.hub.size };
  }

  private pickName(resource: string, namespace: string, meta: ObjectMeta): string {
    if (meta.name !== undefined && meta.name !== '') {
      checkPathSegment('metadata.name', meta.name);
      if (this.get(resource, namespace, meta.name) !== undefined) throw alreadyExists(resource, meta.name);
      return meta.name;
    }
    const base = meta.generateName;
    if (base === undefined || base === '') {
      throw new StoreError('Invalid', `${resource}: metadata.name or metadata.generateName is required`);
    }
    checkPathSegment('metadata.generateName', base);
    let candidate = '';
    for (let i = 0; i < GENERATE_NAME_ATTEMPTS; i++) {
      candidate = generateName(base, this.random);
      if (this.get(resource, namespace, candidate) === undefined) return candidate;
    }
    throw alreadyExists(resource, candidate);
  }

  private seal(obj: KubeObject): KubeObject {
    stampObjectKey(obj.metadata);
    if (this.freeze) {
      Object.freeze(obj.metadata);
      Object.freeze(obj);
    }
    return obj;
  }

  /** The single place state changes: RV, table, history, then watchers. Everything that can throw ran before. */
  private commit(
    resource: string,
    namespace: string,
    name: string,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
    next: KubeObject | undefined,
    prev: KubeObject | undefined,
  ): void {
    this.rv++;
    let table = this.tables.get(resource);
    if (table === undefined) this.tables.set(resource, (table = new ResourceTable()));
    const before = table.size;
    if (next === undefined) table.delete(namespace, name);
    else table.set(namespace, name, next);
    this.objectCount += table.size - before;
    const byField = this.indexes.get(resource);
    if (byField !== undefined) for (const index of byField.values()) index.update(namespace, name, prev, next);
    const entry: HistoryEntry = { rv: this.rv, resource, namespace, name, event: { type, object }, prev };
    this.history.push(entry);
    this.hub.publish(entry);
  }
}

/**
 * A shallow copy, key order kept: what `{ ...o }` gives, without its cost here. On V8 (Node 20 at least) a
 * spread copy that then gains a property, or is frozen, gets a hidden class of its own: every stored version
 * carried two fresh maps and descriptor arrays (~1 KB per object, in old space until a full GC; an Event took
 * 1.3 KB instead of 0.7), and every property read of metadata saw a new shape. Object.assign onto `{}` follows
 * the shared transition tree, so objects of one shape share one map.
 */
function copyOf<T extends object>(o: T): T {
  return Object.assign({}, o);
}

/** `{ ...obj, metadata }`, as copyOf does it. */
function withMetadata(obj: KubeObject, metadata: ObjectMeta): KubeObject {
  const out = copyOf(obj);
  out.metadata = metadata;
  return out;
}
