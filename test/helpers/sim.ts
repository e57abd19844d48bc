// An in-process twin on a lockstep clock, without HTTP: store + registry + controllers, for fast,
// deterministic controller scenarios. `advance(ms)` moves virtual time with every controller settled.
import { LockstepClock, SeededRandom } from '../../sim/core/index.ts';
import { Registry, resourceByKey } from '../../sim/twin/api/index.ts';
import { bootstrapCluster } from '../../sim/twin/bootstrap.ts';
import {
  ControllerManager,
  DEFAULT_TWIN_CONFIG,
  RegistryEventRecorder,
  type ControllerContext,
  type ControllerFactory,
  type TwinConfig,
} from '../../sim/twin/controllers/index.ts';
import { ObjectStore, type KubeObject } from '../../sim/twin/store/index.ts';
import { uuidFrom } from '../../sim/core/index.ts';

/** 2026-01-01T00:00:00Z: a fixed virtual epoch so timestamps in assertions are stable. */
export const SIM_START = Date.UTC(2026, 0, 1);

export interface Sim {
  clock: LockstepClock;
  store: ObjectStore;
  registry: Registry;
  ctx: ControllerContext;
  manager: ControllerManager;
  errors: { where: string; err: unknown }[];
  /** Moves virtual time forward by `ms`, letting every controller finish what each instant started. */
  advance(ms: number): Promise<void>;
  /** Advances in `stepMs` steps until `predicate` holds or `maxMs` of virtual time passed (then throws). */
  until(what: string, predicate: () => boolean, maxMs?: number, stepMs?: number): Promise<number>;
  get(resource: string, namespace: string, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
  res(key: string): NonNullable<ReturnType<typeof resourceByKey>>;
  stop(): void;
}

export function startSim(opts: { config?: Partial<TwinConfig>; controllers?: readonly ControllerFactory[]; seed?: number } = {}): Sim {
  const config: TwinConfig = { ...DEFAULT_TWIN_CONFIG, ...opts.config, seed: opts.seed ?? opts.config?.seed ?? 1 };
  const clock = new LockstepClock({ start: SIM_START, stallTimeoutMs: 20_000 });
  const random = new SeededRandom(config.seed);
  const uids = random.fork('uid');
  const names = random.fork('names');
  const store = new ObjectStore({ clock, uid: () => uuidFrom(uids), random: () => names.next(), historyLimit: 200_000 });
  const registry = new Registry({ store, clock, admission: { notReadyTolerationSeconds: config.defaultTolerationSeconds, unreachableTolerationSeconds: config.defaultTolerationSeconds } });
  bootstrapCluster(registry);
  const errors: { where: string; err: unknown }[] = [];
  const onError = (where: string, err: unknown) => errors.push({ where, err });
  const ctx: ControllerContext = { registry, store, clock, random, config, onError, events: new RegistryEventRecorder(registry, clock, (e) => onError('events', e)) };
  const manager = new ControllerManager(ctx);
  manager.start(opts.controllers ?? []);
  const sim: Sim = {
    clock, store, registry, ctx, manager, errors,
    async advance(ms) {
      await clock.runFor(ms);
    },
    async until(what, predicate, maxMs = 600_000, stepMs = 1_000) {
      const start = clock.now();
      await clock.settle();
      while (!predicate()) {
        if (clock.now() - start >= maxMs) throw new Error(`${what}: not reached within ${maxMs / 1000} s of virtual time`);
        await clock.runFor(stepMs);
      }
      return clock.now() - start;
    },
    get: (resource, namespace, name) => store.get(resource, namespace, name),
    list: (resource, namespace) => store.list(resource, namespace).items,
    res: (key) => {
      const r = resourceByKey(key);
      if (!r) throw new Error(`no resource ${key}`);
      return r;
    },
    stop() {
      manager.stop();
      clock.stop();
    },
  };
  return sim;
}
