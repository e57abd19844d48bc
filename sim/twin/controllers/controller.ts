// What every twin controller gets (the registry, the store, the one clock, a seeded random stream, an event
// recorder, the knobs) and the shape it has. Controllers read the store directly (it is in memory) and write
// through the registry, so validation, admission and resourceVersions are the same as for HTTP clients.
import type { Clock, SeededRandom } from '../../core/index.ts';
import type { Registry } from '../api/index.ts';
import type { KubeObject, ObjectStore, WatchEvent } from '../store/index.ts';
import { keyOfObject } from '../store/index.ts';
import type { TwinConfig } from './config.ts';
import type { EventRecorder } from './events.ts';

export interface ControllerContext {
  registry: Registry;
  store: ObjectStore;
  clock: Clock;
  /** The twin's root stream; controllers fork their own (`random.fork('scheduler')`). */
  random: SeededRandom;
  events: EventRecorder;
  config: TwinConfig;
  /** Unexpected failures (bugs): logged, never thrown into the store's write path. */
  onError: (where: string, err: unknown) => void;
}

export interface Controller {
  readonly name: string;
  start(): void;
  stop(): void;
}

/**
 * Calls `handler` for every change to `resource` from now on (and, with `replay`, an ADDED for each object
 * that exists). Handlers run inside the store's write: they must only enqueue work, never write.
 */
export function watchResource(
  ctx: ControllerContext,
  resource: string,
  handler: (ev: WatchEvent, previous?: KubeObject) => void,
  opts: { replay?: boolean } = {},
): () => void {
  const list = ctx.store.list(resource, undefined);
  if (opts.replay) for (const object of list.items) handler({ type: 'ADDED', object });
  const w = ctx.store.watch(resource, undefined, list.resourceVersion, handler);
  return () => w.stop();
}

/** "namespace/name" or "name": the key a work queue carries. */
/** "namespace/name" (or "name"): upstream's MetaNamespaceKeyFunc. The same string for every version (keyOfObject). */
export function keyOf(obj: KubeObject): string {
  return keyOfObject(obj);
}

export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
