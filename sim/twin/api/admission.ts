// Mutating admission on pod create, as upstream's plugins do.
// upstream: plugin/pkg/admission/defaulttolerationseconds and plugin/pkg/admission/priority
import type { KubeObject, ObjectStore } from '../store/index.ts';
import { errors } from './errors.ts';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface AdmissionConfig {
  /** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds (upstream 300). */
  notReadyTolerationSeconds: number;
  unreachableTolerationSeconds: number;
}

export const DEFAULT_ADMISSION: AdmissionConfig = { notReadyTolerationSeconds: 300, unreachableTolerationSeconds: 300 };

/** Adds NoExecute tolerations for not-ready and unreachable unless the pod already tolerates them. */
export function addDefaultTolerations(pod: KubeObject, cfg: AdmissionConfig): void {
  const spec = (pod.spec ??= {}) as { tolerations?: Toleration[] };
  const tolerations = spec.tolerations ?? [];
  const tolerates = (key: string) =>
    tolerations.some(
      (t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')),
    );
  const notReady = !tolerates(NOT_READY_TAINT);
  const unreachable = !tolerates(UNREACHABLE_TAINT);
  if (tolerations.length === 0 && notReady && unreachable) {
    spec.tolerations = defaultPair(cfg);
    return;
  }
  const added: Toleration[] = [];
  if (notReady) added.push(defaultToleration(NOT_READY_TAINT, cfg.notReadyTolerationSeconds));
  if (unreachable) added.push(defaultToleration(UNREACHABLE_TAINT, cfg.unreachableTolerationSeconds));
  if (added.length) spec.tolerations = [...tolerations, ...added];
}

// Nearly every pod gets the same two tolerations: one frozen pair shared by all of them (stored pods are never
// changed in place; freezing makes sure), not two objects and an array retained per pod.
const sharedTolerations = new Map<string, Toleration>();
const sharedPairs = new Map<string, readonly Toleration[]>();

function defaultToleration(key: string, seconds: number): Toleration {
  const id = `${key}\u0000${seconds}`;
  let t = sharedTolerations.get(id);
  if (t === undefined) sharedTolerations.set(id, (t = Object.freeze({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds })));
  return t;
}

function defaultPair(cfg: AdmissionConfig): Toleration[] {
  const id = `${cfg.notReadyTolerationSeconds}/${cfg.unreachableTolerationSeconds}`;
  let pair = sharedPairs.get(id);
  if (pair === undefined) {
    pair = Object.freeze([defaultToleration(NOT_READY_TAINT, cfg.notReadyTolerationSeconds), defaultToleration(UNREACHABLE_TAINT, cfg.unreachableTolerationSeconds)]);
    sharedPairs.set(id, pair);
  }
  return pair as Toleration[];
}

/** The globalDefault PriorityClass per store, kept until a PriorityClass is written (every pod create asks). */
const globalDefaults = new WeakMap<ObjectStore, { writes: number; pc: KubeObject | undefined }>();

function globalDefaultPriorityClass(store: ObjectStore): KubeObject | undefined {
  const writes = store.writesTo(PRIORITY_CLASSES);
  const known = globalDefaults.get(store);
  if (known !== undefined && known.writes === writes) return known.pc;
  const pc = store.list(PRIORITY_CLASSES, undefined).items.find((c) => (c as { globalDefault?: boolean }).globalDefault === true);
  globalDefaults.set(store, { writes, pc });
  return pc;
}

const PRIORITY_CLASSES = 'priorityclasses.scheduling.k8s.io';

/** Resolves spec.priorityClassName to spec.priority (and preemptionPolicy); the global default applies when unset. */
export function resolvePriority(pod: KubeObject, store: ObjectStore): void {
  const spec = (pod.spec ??= {}) as { priorityClassName?: string; priority?: number; preemptionPolicy?: string };
  let pc: KubeObject | undefined;
  if (spec.priorityClassName) {
    pc = store.get('priorityclasses.scheduling.k8s.io', '', spec.priorityClassName);
    if (!pc) {
      throw errors.forbidden(
        { group: '', plural: 'pods' },
        pod.metadata.name,
        `no PriorityClass with name ${spec.priorityClassName} was found`,
      );
    }
  } else {
    pc = globalDefaultPriorityClass(store);
    if (pc) spec.priorityClassName = pc.metadata.name;
  }
  const value = (pc as { value?: number } | undefined)?.value ?? 0;
  if (spec.priority !== undefined && spec.priority !== value) {
    throw errors.forbidden(
      { group: '', plural: 'pods' },
      pod.metadata.name,
      'the integer value of priority must not be provided in pod spec; priority admission controller computed ' +
        `${value} from the given PriorityClass name`,
    );
  }
  spec.priority = value;
  spec.preemptionPolicy ??= (pc as { preemptionPolicy?: string } | undefined)?.preemptionPolicy ?? 'PreemptLowerPriority';
}

/** The PriorityClasses every cluster has from the start. upstream: pkg/apis/scheduling SystemPriorityClasses. */
export const SYSTEM_PRIORITY_CLASSES = [
  { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];
