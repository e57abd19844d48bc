// Streams watch events over a chunked HTTP response: JSON lines, or one-row Tables for `kubectl get -w`.
// upstream: k8s.io/apiserver/pkg/endpoints/handlers/watch.go; a too-old resourceVersion arrives in-stream as
// an ERROR event carrying a 410 Expired Status (cacher.go newErrWatcher), and the stream ends.
import type { ServerResponse } from 'node:http';
import type { Clock } from '../../core/clock.ts';
import { StoreError, type KubeObject, type WatchEvent } from '../store/index.ts';
import { toTable, type IncludeObject } from '../tables/index.ts';
import { ApiError, errors } from './errors.ts';
import { objectJson, watchEventLine } from './json-cache.ts';
import { makeListFilter, type ListQuery } from './list-filter.ts';
import { mapStoreError, type Registry } from './registry.ts';
import type { ServedResource } from './resources.ts';

export interface WatchQuery extends ListQuery {
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  asTable?: boolean;
  includeObject?: IncludeObject;
}

/** upstream: --min-request-timeout 1800 s (upstream randomises up to 2x; kept fixed so lockstep runs stay reproducible). */
const DEFAULT_WATCH_SECONDS = 1800;

/** Open watch streams; `end()` closes one cleanly, as a watch timeout does (clients resume from their last RV). */
export type ActiveWatches = Set<{ end(): void }>;

export function serveWatch(reg: Registry, res: ServedResource, namespace: string, query: WatchQuery, out: ServerResponse, clock: Clock, active?: ActiveWatches): void {
  const filter = makeListFilter(res, query); // throws 400 before the stream starts
  const contentType = query.asTable ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json';
  out.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  out.flushHeaders();

  let firstTable = true;
  const encode = (type: string, object: unknown): string => {
    if (query.asTable && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')) {
      const table = toTable(res.key, [object as KubeObject], { now: clock.now(), includeObject: query.includeObject ?? 'Metadata' });
      if (!firstTable) table.columnDefinitions = [];
      firstTable = false;
      object = table;
    }
    return `{"type":${JSON.stringify(type)},"object":${objectJson(object as KubeObject)}}\n`;
  };
  const send = (type: string, object: unknown) => {
    if (!out.writableEnded) out.write(encode(type, object));
  };
  /** Store events: plain JSON watches share one serialised line across every watcher. */
  const sendEvent = (ev: WatchEvent, type: string) => {
    if (out.writableEnded) return;
    out.write(query.asTable ? encode(type, ev.object) : watchEventLine(ev, type));
  };

  const rv = query.resourceVersion;
  const initial = rv === undefined || rv === '' || rv === '0' || query.sendInitialEvents === true;
  // Which objects the client currently holds as matching: filter transitions become ADDED/DELETED as upstream.
  const matching = new Set<string>();
  const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  let startRv = rv;
  if (initial || filter) {
    const current = reg.store.list(res.key, namespace || undefined, filter ? { filter } : {});
    for (const o of current.items) matching.add(keyOf(o));
    if (initial) {
      startRv = current.resourceVersion;
      for (const o of current.items) send('ADDED', o);
      if (query.sendInitialEvents && query.allowWatchBookmarks) {
        send('BOOKMARK', bookmark(res, current.resourceVersion, true));
      }
    }
  }

  const onEvent = (ev: WatchEvent) => {
    if (ev.type === 'BOOKMARK') {
      if (query.allowWatchBookmarks) send('BOOKMARK', bookmark(res, ev.object.metadata.resourceVersion ?? '', false));
      return;
    }
    if (!filter) {
      sendEvent(ev, ev.type);
      return;
    }
    const key = keyOf(ev.object);
    const had = matching.has(key);
    const has = ev.type !== 'DELETED' && filter(ev.object);
    if (ev.type === 'DELETED') {
      if (had) sendEvent(ev, 'DELETED');
      matching.delete(key);
    } else if (has) {
      matching.add(key);
      sendEvent(ev, had ? ev.type : 'ADDED');
    } else if (had) {
      matching.delete(key);
      sendEvent(ev, 'DELETED');
    }
  };

  let watch: { stop(): void };
  try {
    watch = reg.store.watch(res.key, namespace || undefined, startRv, onEvent, { bookmarks: !!query.allowWatchBookmarks });
  } catch (e) {
    if (e instanceof StoreError) {
      // upstream delivers watch-start failures (410 Expired, 504 too-large RV) in-stream, then ends it.
      const err = mapStoreError(res, '', e);
      send('ERROR', err instanceof ApiError ? err.toStatus() : errors.internal(String(e)).toStatus());
      out.end();
      return;
    }
    throw e;
  }
  const seconds = query.timeoutSeconds ?? DEFAULT_WATCH_SECONDS;
  const timer = clock.setTimeout(() => finish(), seconds * 1000);
  const entry = { end: () => finish() };
  const finish = () => {
    watch.stop();
    clock.clearTimeout(timer);
    active?.delete(entry);
    if (!out.writableEnded) out.end();
  };
  active?.add(entry);
  out.on('close', finish);
}

function bookmark(res: ServedResource, resourceVersion: string, initialEventsEnd: boolean): unknown {
  return {
    kind: res.kind,
    apiVersion: res.group ? `${res.group}/${res.version}` : res.version,
    metadata: {
      resourceVersion,
      ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
    },
  };
}
