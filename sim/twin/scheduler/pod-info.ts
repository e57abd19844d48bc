// A pending or assigned pod parsed once into what the scheduler's plugins read, so per-node checks do no parsing.
// upstream: pkg/scheduler/framework/types.go PodInfo (NewPodInfo parses affinity terms once per pod update)
import { parseTimestamp } from '../../core/index.ts';
import { keyOfObject, type KubeObject } from '../store/index.ts';
import { labelSelectorFromSpec, matchesLabels, nothingSelector, type LabelSelector, type LabelSelectorSpec } from '../selectors/index.ts';
import { podRequests, type PodResourceSpec, type Resources } from './resources.ts';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface PreferredNodeTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

/** A pod (anti-)affinity term with its namespaces resolved. upstream: framework.AffinityTerm */
export interface AffinityTerm {
  /** Namespaces named by the term (the pod's own when neither namespaces nor namespaceSelector is given). */
  namespaces: ReadonlySet<string>;
  /** namespaceSelector; undefined when the term has none. */
  namespaceSelector: LabelSelector | undefined;
  selector: LabelSelector;
  topologyKey: string;
  /** Identity of (namespaces, namespaceSelector, selector): the match counters are shared by equal terms. */
  signature: string;
  weight: number;
}

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  selector: LabelSelector;
  signature: string;
  minDomains: number;
  /** upstream defaults: nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore. */
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

export interface PodInfo {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  obj: KubeObject;
  labels: Readonly<Record<string, string>>;
  priority: number;
  preemptNever: boolean;
  requests: Resources;
  /** Requests with upstream's non-zero defaults, for scoring. */
  nonZero: Resources;
  tolerations: readonly Toleration[];
  nodeSelector: Readonly<Record<string, string>> | undefined;
  /** requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms; undefined = no requirement. */
  requiredNodeTerms: readonly NodeSelectorTerm[] | undefined;
  preferredNodeTerms: readonly PreferredNodeTerm[];
  affinity: readonly AffinityTerm[];
  antiAffinity: readonly AffinityTerm[];
  preferredAffinity: readonly AffinityTerm[];
  preferredAntiAffinity: readonly AffinityTerm[];
  spread: readonly SpreadConstraint[];
  nodeName: string;
  nominatedNodeName: string;
  terminating: boolean;
  /** Succeeded or Failed: the pod no longer holds resources. */
  terminal: boolean;
  schedulerName: string;
  gated: boolean;
  /** ms since epoch: creationTimestamp, and status.startTime (else creation) for victim ordering. */
  createdMs: number;
  startMs: number;
}

interface RawTerm {
  labelSelector?: LabelSelectorSpec | null;
  namespaces?: string[];
  namespaceSelector?: LabelSelectorSpec | null;
  topologyKey?: string;
}
interface RawWeighted {
  weight?: number;
  podAffinityTerm?: RawTerm;
}
interface RawPodSpec extends PodResourceSpec {
  nodeName?: string;
  priority?: number;
  preemptionPolicy?: string;
  schedulerName?: string;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  schedulingGates?: unknown[];
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } | null;
      preferredDuringSchedulingIgnoredDuringExecution?: PreferredNodeTerm[];
    };
    podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: RawTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: RawWeighted[] };
    podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: RawTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: RawWeighted[] };
  };
  topologySpreadConstraints?: Array<{
    maxSkew?: number;
    topologyKey?: string;
    whenUnsatisfiable?: string;
    labelSelector?: LabelSelectorSpec | null;
    minDomains?: number;
    matchLabelKeys?: string[];
    nodeAffinityPolicy?: string;
    nodeTaintsPolicy?: string;
  }>;
}

/** A selector that failed to parse selects nothing (upstream rejects the pod in PreFilter; nothing matches here). */
function selectorOf(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  try {
    return labelSelectorFromSpec(spec);
  } catch {
    return nothingSelector;
  }
}

function affinityTerm(namespace: string, t: RawTerm, weight: number): AffinityTerm {
  const explicit = t.namespaces ?? [];
  // upstream: getNamespacesFromPodAffinityTerm — no namespaces and no namespaceSelector means the pod's namespace.
  const namespaces = new Set(explicit.length === 0 && !t.namespaceSelector ? [namespace] : explicit);
  const namespaceSelector = t.namespaceSelector ? selectorOf(t.namespaceSelector) : undefined;
  const selector = selectorOf(t.labelSelector);
  const signature = JSON.stringify(['a', [...namespaces].sort(), t.namespaceSelector ?? null, t.labelSelector ?? null]);
  return { namespaces, namespaceSelector, selector, topologyKey: t.topologyKey ?? '', signature, weight };
}

function spreadConstraints(namespace: string, labels: Record<string, string>, spec: RawPodSpec): SpreadConstraint[] {
  return (spec.topologySpreadConstraints ?? []).map((c) => {
    // upstream: matchLabelKeys adds `key in (pod's value)` to the selector for keys the pod carries.
    const extra = (c.matchLabelKeys ?? []).filter((k) => labels[k] !== undefined);
    const base = c.labelSelector ?? null;
    const merged: LabelSelectorSpec | null = extra.length
      ? { ...(base ?? {}), matchExpressions: [...(base?.matchExpressions ?? []), ...extra.map((k) => ({ key: k, operator: 'In', values: [labels[k]!] }))] }
      : base;
    const selector = merged ? selectorOf(merged) : nothingSelector;
    return {
      maxSkew: c.maxSkew ?? 1,
      topologyKey: c.topologyKey ?? '',
      whenUnsatisfiable: c.whenUnsatisfiable === 'ScheduleAnyway' ? 'ScheduleAnyway' : 'DoNotSchedule',
      selector,
      signature: JSON.stringify(['s', namespace, merged]),
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: c.nodeAffinityPolicy !== 'Ignore',
      honorNodeTaints: c.nodeTaintsPolicy === 'Honor',
    };
  });
}

interface PodRequests {
  readonly requests: Resources;
  readonly nonZero: Resources;
}

/**
 * Requests by container list: the pods of one ReplicaSet share their template's containers array, so they share
 * one parse of its quantities and one (frozen) pair of totals instead of two objects each.
 */
const requestsByContainers = new WeakMap<object, PodRequests & { init: unknown; overhead: unknown }>();

function requestsOf(spec: RawPodSpec): PodRequests {
  const containers = spec.containers;
  if (containers === undefined) return { requests: podRequests(spec), nonZero: podRequests(spec, true) };
  const known = requestsByContainers.get(containers);
  if (known !== undefined && known.init === spec.initContainers && known.overhead === spec.overhead) return known;
  const entry = { requests: frozen(podRequests(spec)), nonZero: frozen(podRequests(spec, true)), init: spec.initContainers, overhead: spec.overhead };
  requestsByContainers.set(containers, entry);
  return entry;
}

function frozen(r: Resources): Resources {
  Object.freeze(r.scalar);
  return Object.freeze(r);
}

/** The empty list every pod without a given term shares (a PodInfo is kept per bound pod: 100,000 of them). */
const NONE: readonly never[] = Object.freeze([]);

function mapOrNone<T, U>(list: readonly T[] | undefined, fn: (t: T) => U): readonly U[] {
  return list === undefined || list.length === 0 ? NONE : list.map(fn);
}

function parseTime(s: unknown): number {
  if (typeof s !== 'string') return 0;
  const t = parseTimestamp(s);
  return Number.isNaN(t) ? 0 : t;
}

export function podInfo(obj: KubeObject): PodInfo {
  const spec = (obj.spec ?? {}) as RawPodSpec;
  const status = (obj.status ?? {}) as { phase?: string; nominatedNodeName?: string; startTime?: string };
  const namespace = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  const labels = obj.metadata.labels ?? {};
  const aff = spec.affinity;
  const req = aff?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const createdMs = parseTime(obj.metadata.creationTimestamp);
  const totals = requestsOf(spec);
  return {
    key: keyOfObject(obj),
    namespace,
    name,
    uid: obj.metadata.uid ?? '',
    obj,
    labels,
    priority: spec.priority ?? 0,
    preemptNever: spec.preemptionPolicy === 'Never',
    requests: totals.requests,
    nonZero: totals.nonZero,
    tolerations: spec.tolerations ?? NONE,
    nodeSelector: spec.nodeSelector && Object.keys(spec.nodeSelector).length ? spec.nodeSelector : undefined,
    requiredNodeTerms: req ? (req.nodeSelectorTerms ?? []) : undefined,
    preferredNodeTerms: aff?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? NONE,
    affinity: mapOrNone(aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, (t) => affinityTerm(namespace, t, 1)),
    antiAffinity: mapOrNone(aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, (t) => affinityTerm(namespace, t, 1)),
    preferredAffinity: mapOrNone(aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, (w) =>
      affinityTerm(namespace, w.podAffinityTerm ?? {}, w.weight ?? 1)),
    preferredAntiAffinity: mapOrNone(aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, (w) =>
      affinityTerm(namespace, w.podAffinityTerm ?? {}, w.weight ?? 1)),
    spread: spec.topologySpreadConstraints?.length ? spreadConstraints(namespace, labels, spec) : NONE,
    nodeName: spec.nodeName ?? '',
    nominatedNodeName: status.nominatedNodeName ?? '',
    terminating: obj.metadata.deletionTimestamp !== undefined,
    terminal: status.phase === 'Succeeded' || status.phase === 'Failed',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    gated: (spec.schedulingGates?.length ?? 0) > 0,
    createdMs,
    startMs: parseTime(status.startTime) || createdMs,
  };
}

/** upstream: AffinityTerm.Matches — namespace named or selected, and labels selected. */
export function termMatches(term: AffinityTerm, namespace: string, labels: Readonly<Record<string, string>>, nsLabels: (ns: string) => Readonly<Record<string, string>> | undefined): boolean {
  if (!term.namespaces.has(namespace)) {
    if (!term.namespaceSelector || !matchesSelector(term.namespaceSelector, nsLabels(namespace))) return false;
  }
  return matchesSelector(term.selector, labels);
}

export function matchesSelector(sel: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean {
  return matchesLabels(sel, labels);
}
