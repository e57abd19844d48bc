// Disruption controller: keeps each PodDisruptionBudget's status (expectedPods, currentHealthy, desiredHealthy,
// disruptionsAllowed, disruptedPods, observedGeneration, the DisruptionAllowed condition) — what the eviction
// subresource reads to answer 429 or 200. Pod membership is indexed from watch events; no scans per pod write.
// upstream: pkg/controller/disruption/disruption.go (trySync, getExpectedScale and its finders, failSafe);
// pkg/apis/policy/helper UpdateDisruptionAllowedCondition.
import { WORKLOAD_SYNC_COALESCE_MS } from './config.ts';
import { rfc3339Seconds } from '../../core/index.ts';
import { resourceByKey, resourceForKind } from '../api/index.ts';
import { labelSelectorFromSpec, matchesLabels, type LabelSelector, type LabelSelectorSpec } from '../selectors/index.ts';
import type { KubeObject, OwnerReference } from '../store/index.ts';
import { keyOf, splitKey, watchResource, type Controller, type ControllerContext } from './controller.ts';
import { countHealthy, disruptedPodMap, disruptionsAllowed, expectedAndDesired, needsScale, type PdbSpecMath, type PodFacts } from './disruption-math.ts';
import { isPodReady } from './node-lifecycle-conditions.ts';
import { isRetryableWriteError } from './quorum-gate.ts';
import { WorkQueue } from './workqueue.ts';

const COMPONENT = { component: 'controllermanager' };
const PDB_KEY = 'poddisruptionbudgets.policy';

interface PdbStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  expectedPods?: number;
  disruptedPods?: Record<string, string>;
  conditions?: { type: string; status: string; reason: string; message: string; observedGeneration?: number; lastTransitionTime?: string }[];
}

/** The scale of a pod's controller, following a ReplicaSet up to its Deployment; an Error when it is missing. */
export function controllerScale(ctx: ControllerContext, ref: OwnerReference, namespace: string): { uid: string; scale: number } | undefined {
  const res = resourceForKind(ref.apiVersion, ref.kind);
  const obj = res ? ctx.store.get(res.key, namespace, ref.name) : undefined;
  if (!obj || obj.metadata.uid !== ref.uid) return undefined;
  const replicas = (o: KubeObject) => (o.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  if (ref.kind === 'ReplicaSet') {
    const up = obj.metadata.ownerReferences?.find((r) => r.controller);
    if (up?.kind === 'Deployment') {
      const dep = ctx.store.get('deployments.apps', namespace, up.name);
      return dep && dep.metadata.uid === up.uid ? { uid: up.uid, scale: replicas(dep) } : undefined;
    }
  }
  if (!res || !('scale' in res.subresources)) return undefined;
  return { uid: ref.uid, scale: replicas(obj) };
}

export function disruptionController(ctx: ControllerContext): Controller {
  const pdbRes = resourceByKey(PDB_KEY)!;
  /** namespace → pdb name → selector */
  const selectors = new Map<string, Map<string, LabelSelector>>();
  /** "ns/pdb" → pod names; "ns/pod" → pdb names */
  const members = new Map<string, Set<string>>();
  const pdbsOfPod = new Map<string, string[]>();
  /** "ns/pdb" → its pod names sorted, until its membership changes (a sync every 100 ms need not re-sort 1,000 names). */
  const sortedMembers = new Map<string, string[]>();
  const stops: (() => void)[] = [];

  const setMembership = (ns: string, pod: string, pdbs: string[]): string[] => {
    const key = `${ns}/${pod}`;
    const before = pdbsOfPod.get(key) ?? [];
    // Most pod events (status writes) leave the labels, so the membership, as it was.
    if (before.length === pdbs.length && before.every((p, i) => p === pdbs[i])) return before;
    for (const p of before) {
      members.get(`${ns}/${p}`)?.delete(pod);
      sortedMembers.delete(`${ns}/${p}`);
    }
    for (const p of pdbs) {
      let s = members.get(`${ns}/${p}`);
      if (!s) members.set(`${ns}/${p}`, (s = new Set()));
      s.add(pod);
      sortedMembers.delete(`${ns}/${p}`);
    }
    if (pdbs.length) pdbsOfPod.set(key, pdbs);
    else pdbsOfPod.delete(key);
    return [...new Set([...before, ...pdbs])];
  };

  const matching = (pod: KubeObject): string[] => {
    const out: string[] = [];
    for (const [name, sel] of selectors.get(pod.metadata.namespace ?? '') ?? []) if (matchesLabels(sel, pod.metadata.labels)) out.push(name);
    return out;
  };

  const fail = (pdb: KubeObject, message: string): void => {
    const status = (pdb.status ?? {}) as PdbStatus;
    const next: PdbStatus = { ...status, disruptionsAllowed: 0, conditions: setCondition(status, 'False', 'SyncFailed', message, status.observedGeneration) };
    ctx.registry.commitUpdate(pdbRes, { ...pdb, status: next }, pdb);
  };

  const sync = (key: string): boolean => {
    const { namespace, name } = splitKey(key);
    const pdb = ctx.store.get(PDB_KEY, namespace, name);
    if (!pdb) return true;
    const spec = (pdb.spec ?? {}) as PdbSpecMath;
    const now = ctx.clock.now();
    let names = sortedMembers.get(key);
    if (names === undefined) sortedMembers.set(key, (names = [...(members.get(key) ?? [])].sort()));
    const pods = names.map((n) => ctx.store.get('pods', namespace, n)).filter((p): p is KubeObject => !!p);
    if (!pods.length) ctx.events.event(pdb, 'Normal', 'NoPods', 'No matching pods found', COMPONENT);
    let scale = 0;
    if (needsScale(spec)) {
      const seen = new Map<string, number>();
      const unmanaged: string[] = [];
      for (const p of pods) {
        const ref = p.metadata.ownerReferences?.find((r) => r.controller);
        if (!ref) {
          unmanaged.push(p.metadata.name ?? '');
          continue;
        }
        if (seen.has(ref.uid)) continue;
        const c = controllerScale(ctx, ref, namespace);
        if (!c) {
          fail(pdb, `found no controllers for pod "${p.metadata.name}"`);
          return true;
        }
        seen.set(c.uid, c.scale);
      }
      if (unmanaged.length) {
        ctx.events.event(pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify((pdb.spec as { selector?: unknown }).selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`, COMPONENT);
      }
      for (const v of seen.values()) scale += v;
    }
    let expected: { expectedPods: number; desiredHealthy: number };
    try {
      expected = expectedAndDesired(spec, pods.length, scale);
    } catch (e) {
      fail(pdb, (e as Error).message);
      return true;
    }
    const status = (pdb.status ?? {}) as PdbStatus;
    const facts: PodFacts[] = pods.map((p) => ({ name: p.metadata.name ?? '', ready: isPodReady(p), terminating: !!p.metadata.deletionTimestamp }));
    const disrupted = disruptedPodMap(facts, status.disruptedPods ?? {}, now);
    for (const n of disrupted.expired) {
      const pod = pods.find((p) => p.metadata.name === n)!;
      ctx.events.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${namespace}/${name} to be deleted but it wasn't`, COMPONENT);
    }
    if (disrupted.recheckAt !== undefined) queue.addAfter(key, disrupted.recheckAt - now + 1);
    const currentHealthy = countHealthy(facts, disrupted.kept, now);
    const allowed = disruptionsAllowed(currentHealthy, expected.desiredHealthy, expected.expectedPods);
    const generation = pdb.metadata.generation ?? 1;
    const next: PdbStatus = {
      ...status,
      currentHealthy,
      desiredHealthy: expected.desiredHealthy,
      expectedPods: expected.expectedPods,
      disruptionsAllowed: allowed,
      observedGeneration: generation,
      conditions: allowed > 0
        ? setCondition(status, 'True', 'SufficientPods', '', generation)
        : setCondition(status, 'False', 'InsufficientPods', '', generation),
    };
    if (Object.keys(disrupted.kept).length) next.disruptedPods = disrupted.kept;
    else delete next.disruptedPods;
    ctx.registry.commitUpdate(pdbRes, { ...pdb, status: next }, pdb);
    return true;
  };

  function setCondition(status: PdbStatus, s: string, reason: string, message: string, observedGeneration: number | undefined) {
    // upstream apimeta.SetStatusCondition: lastTransitionTime moves only when the status changes.
    const old = status.conditions?.find((c) => c.type === 'DisruptionAllowed');
    const c = {
      type: 'DisruptionAllowed', status: s, reason, message,
      ...(observedGeneration !== undefined ? { observedGeneration } : {}),
      lastTransitionTime: old && old.status === s && old.lastTransitionTime ? old.lastTransitionTime : rfc3339Seconds(ctx.clock.now()),
    };
    return [...(status.conditions ?? []).filter((x) => x.type !== 'DisruptionAllowed'), c];
  }

  const queue: WorkQueue = new WorkQueue({ coalesceMs: WORKLOAD_SYNC_COALESCE_MS,
    name: 'disruption', clock: ctx.clock, maxBackoffMs: 5_000, onError: (k, e) => ctx.onError(`disruption ${k}`, e),
    process: (key) => {
      try {
        return sync(key);
      } catch (e) {
        if (isRetryableWriteError(e)) return false;
        throw e;
      }
    },
  });

  const onPdb = (ev: { type: string; object: KubeObject }): void => {
    const ns = ev.object.metadata.namespace ?? '';
    const name = ev.object.metadata.name ?? '';
    let byNs = selectors.get(ns);
    if (!byNs) selectors.set(ns, (byNs = new Map()));
    if (ev.type === 'DELETED') {
      byNs.delete(name);
      for (const pod of members.get(`${ns}/${name}`) ?? []) setMembership(ns, pod, (pdbsOfPod.get(`${ns}/${pod}`) ?? []).filter((p) => p !== name));
      members.delete(`${ns}/${name}`);
      sortedMembers.delete(`${ns}/${name}`);
      return;
    }
    let sel: LabelSelector;
    try {
      sel = labelSelectorFromSpec((ev.object.spec as { selector?: LabelSelectorSpec } | undefined)?.selector);
    } catch {
      sel = labelSelectorFromSpec(undefined);
    }
    const prev = byNs.get(name);
    byNs.set(name, sel);
    if (!prev || JSON.stringify(prev) !== JSON.stringify(sel)) {
      // A new or changed selector: rebuild this budget's membership from the namespace's pods (once per change).
      for (const pod of ctx.store.list('pods', ns).items) setMembership(ns, pod.metadata.name ?? '', matching(pod));
    }
    queue.add(`${ns}/${name}`);
  };

  return {
    name: 'disruption',
    start() {
      stops.push(watchResource(ctx, PDB_KEY, onPdb, { replay: true }));
      stops.push(watchResource(ctx, 'pods', (ev, previous) => {
        // A write that kept the labels, owners, deletion state and readiness changes no budget's membership or counts.
        if (ev.type === 'MODIFIED' && previous !== undefined && sameBudgetFacts(previous, ev.object)) return;
        const ns = ev.object.metadata.namespace ?? '';
        // keyOf: the pod's carried key (a key built here per pod write was most of what this watch allocated).
        if (!selectors.get(ns)?.size && (pdbsOfPod.size === 0 || !pdbsOfPod.has(keyOf(ev.object)))) return;
        const now = ev.type === 'DELETED' ? [] : matching(ev.object);
        for (const p of setMembership(ns, ev.object.metadata.name ?? '', now)) queue.add(`${ns}/${p}`);
      }, { replay: true }));
    },
    stop() {
      for (const s of stops.splice(0)) s();
      queue.stop();
    },
  };
}

function sameBudgetFacts(previous: KubeObject, pod: KubeObject): boolean {
  const a = previous.metadata;
  const b = pod.metadata;
  return a.labels === b.labels && a.ownerReferences === b.ownerReferences && a.deletionTimestamp === b.deletionTimestamp &&
    isPodReady(previous) === isPodReady(pod);
}
