// One page of a list, in key order, consistent with the snapshot of the first page (like etcd's MVCC reads).
import { decodeContinue, encodeContinue } from './continue-token.ts';
import { StoreError } from './errors.ts';
import type { History } from './history.ts';
import { objectKey } from './keys.ts';
import type { ResourceTable } from './resource-table.ts';
import type { KubeObject } from './types.ts';

export interface ListOptions {
  /** Keeps only matching objects; `limit` counts matches (upstream: label and field selectors). */
  filter?: (o: KubeObject) => boolean;
  /** Page size; undefined or 0 = everything. */
  limit?: number;
  /** The token from the previous page. */
  continue?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A key whose state at the snapshot differs from now: `before` is what it was then (undefined = absent). */
interface Override {
  key: string;
  namespace: string;
  name: string;
  before: KubeObject | undefined;
}

export function listPage(
  table: ResourceTable | undefined,
  history: History,
  currentRv: number,
  resource: string,
  namespace: string | undefined,
  opts: ListOptions = {},
): ListResult {
  const limit = opts.limit ?? 0;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new StoreError('Invalid', `limit must be a non-negative integer, got ${limit}`);
  }
  let snapshotRv = currentRv;
  let afterKey: string | undefined;
  if (opts.continue !== undefined && opts.continue !== '') {
    const pos = decodeContinue(opts.continue);
    if (pos.rv > currentRv) {
      throw new StoreError('Invalid', `continue token names resourceVersion ${pos.rv}, newer than the store (${currentRv})`);
    }
    // upstream: storage/etcd3 store.go GetList — "The provided continue parameter is too old to display a consistent
    // list result. You can start a new list without the continue parameter" (410 Expired).
    if (pos.rv < history.oldestUsableRv()) {
      throw new StoreError(
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. ' +
          'You can start a new list without the continue parameter.',
      );
    }
    snapshotRv = pos.rv;
    afterKey = pos.lastKey;
  }

  const overrides = snapshotRv < currentRv ? collectOverrides(history, snapshotRv, resource, namespace) : undefined;
  // Objects deleted since the snapshot are not in the table: walk them beside it, in key order.
  const extras: Override[] = [];
  if (overrides !== undefined) {
    for (const o of overrides.values()) {
      if (o.before !== undefined && table?.get(o.namespace, o.name) === undefined) {
        if (afterKey === undefined || o.key > afterKey) extras.push(o);
      }
    }
    extras.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  const items: KubeObject[] = [];
  const filter = opts.filter;
  let lastKey: string | undefined;
  let hasMore = false;
  let extraIndex = 0;

  // Returns false once the page is full and one more snapshot item proved that more remain.
  const offer = (key: string, obj: KubeObject): boolean => {
    if (limit > 0 && items.length === limit) {
      hasMore = true;
      return false;
    }
    lastKey = key;
    if (filter === undefined || filter(obj)) items.push(obj);
    return true;
  };
  const offerExtrasBefore = (key: string | undefined): boolean => {
    while (extraIndex < extras.length) {
      const e = extras[extraIndex] as Override;
      if (key !== undefined && e.key > key) return true;
      extraIndex++;
      if (!offer(e.key, e.before as KubeObject)) return false;
    }
    return true;
  };

  let stopped = false;
  table?.walk(namespace, afterKey, (ns, name, live) => {
    const key = objectKey(ns, name);
    if (!offerExtrasBefore(key)) {
      stopped = true;
      return false;
    }
    let obj: KubeObject | undefined = live;
    if (overrides !== undefined) {
      const o = overrides.get(key);
      if (o !== undefined) obj = o.before;
    }
    if (obj === undefined) return true;
    if (!offer(key, obj)) {
      stopped = true;
      return false;
    }
    return true;
  });
  if (!stopped) offerExtrasBefore(undefined);

  const result: ListResult = { items, resourceVersion: String(snapshotRv) };
  if (hasMore && lastKey !== undefined) {
    result.continue = encodeContinue({ rv: snapshotRv, lastKey });
    // upstream: remainingItemCount is only reported when no selector filtered the list.
    if (filter === undefined) {
      result.remainingItemCount = remainingAfter(table, overrides, namespace, lastKey);
    }
  }
  return result;
}

/** For each key written after `snapshotRv`, its state at the snapshot: the `prev` of its first later write. */
function collectOverrides(
  history: History,
  snapshotRv: number,
  resource: string,
  namespace: string | undefined,
): Map<string, Override> {
  const out = new Map<string, Override>();
  history.forEachAfter(snapshotRv, (e) => {
    if (e.resource !== resource || (namespace !== undefined && e.namespace !== namespace)) return;
    const key = objectKey(e.namespace, e.name);
    if (!out.has(key)) out.set(key, { key, namespace: e.namespace, name: e.name, before: e.prev });
  });
  return out;
}

function remainingAfter(
  table: ResourceTable | undefined,
  overrides: Map<string, Override> | undefined,
  namespace: string | undefined,
  lastKey: string,
): number {
  let n = table?.countAfter(namespace, lastKey) ?? 0;
  if (overrides !== undefined) {
    for (const o of overrides.values()) {
      if (o.key <= lastKey) continue;
      const live = table?.get(o.namespace, o.name) !== undefined;
      n += (o.before !== undefined ? 1 : 0) - (live ? 1 : 0);
    }
  }
  return n;
}
