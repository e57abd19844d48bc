// The pod status a kubelet posts, derived from its local run. Pure: the same run gives the same status, so a
// resend after a failed write is the same write.
// upstream: pkg/kubelet/kubelet_pods.go generateAPIPodStatus, getPhase, convertToAPIContainerStatuses;
// pkg/kubelet/status/generate.go (GeneratePodReadyCondition, GenerateContainersReadyCondition,
// GeneratePodInitializedCondition, GeneratePodReadyToStartContainersCondition).
import { BoundedMap, rfc3339Seconds } from '../../core/index.ts';
import type { KubeObject } from '../store/index.ts';
import { imageId, normalizeImage } from './images.ts';
import type { ContainerRun, PodRun, TerminatedState } from './pod-run.ts';

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']);

interface Condition {
  type: string;
  status: string;
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

// Many pods change at the same instants: format each second once (bounded, cleared when full).
const formatted = new BoundedMap<number, string>(4096);
function t(msTime: number): string {
  const second = Math.floor(msTime / 1000);
  return formatted.get(second) ?? formatted.set(second, rfc3339Seconds(second * 1000));
}

// Stored pods are never changed in place, so equal parts of their statuses can be one frozen object: a
// condition, a running state, a node's hostIPs, the conditions list itself. Pods that start in the same second
// (thousands, in lockstep) then share them instead of each keeping its own; a pod's status is most of what the
// twin holds per pod, and building it was a tenth of what a 100,000-pod run allocated.
const SHARED_LIMIT = 4096;
/** A kubelet condition's shared objects for one second and type: the True one, and the False ones by reason and message. */
interface ConditionSlot {
  on: Condition | undefined;
  off: Map<string, Map<string, Condition>> | undefined;
}
const conditionsBySecond = new BoundedMap<string, Map<string, ConditionSlot>>(SHARED_LIMIT);
const runningByStart = new BoundedMap<string, Record<string, unknown>>(SHARED_LIMIT);
const hostIPsByIp = new BoundedMap<string, readonly { ip: string }[]>(SHARED_LIMIT);
const waitingByReason = new BoundedMap<string, Record<string, unknown>>(SHARED_LIMIT);
const unreadyMessages = new BoundedMap<string, string>(SHARED_LIMIT);
const incompleteMessages = new BoundedMap<string, string>(SHARED_LIMIT);
const NO_LAST_STATE = Object.freeze({});

function condition(type: string, on: boolean, since: number, reason?: string, message?: string): Condition {
  const at = t(since);
  const byType = conditionsBySecond.get(at) ?? conditionsBySecond.set(at, new Map());
  let slot = byType.get(type);
  if (slot === undefined) byType.set(type, (slot = { on: undefined, off: undefined }));
  if (on) return (slot.on ??= Object.freeze({ type, status: 'True', lastProbeTime: null, lastTransitionTime: at }));
  const byReason = (slot.off ??= new Map());
  let byMessage = byReason.get(reason ?? '');
  if (byMessage === undefined) byReason.set(reason ?? '', (byMessage = new Map()));
  let c = byMessage.get(message ?? '');
  if (c === undefined) {
    c = Object.freeze({ type, status: 'False', lastProbeTime: null, lastTransitionTime: at, ...(!reason ? {} : { reason }), ...(!message ? {} : { message }) });
    byMessage.set(message ?? '', c);
  }
  return c;
}

/**
 * The conditions list, shared when it is made only of shared (frozen) conditions: the last few lists made are
 * remembered and compared element by element, which finds the list of the pods that changed in the same second.
 */
const recentLists: (readonly Condition[])[] = [];
const OTHERS: Condition[] = [];
const RECENT_LISTS = 8;
let nextRecent = 0;

/** `kubelet` is the caller's fresh array (taken as the list when there are no others); `others` is only read. */
function conditionsList(kubelet: Condition[], others: readonly Condition[]): Condition[] {
  let shareable = true;
  for (const c of others) if (!Object.isFrozen(c)) shareable = false;
  if (shareable) {
    for (const list of recentLists) if (sameList(list, kubelet, others)) return list as Condition[];
  }
  const list = others.length === 0 ? kubelet : kubelet.concat(others);
  if (!shareable) return list;
  Object.freeze(list);
  recentLists[nextRecent] = list;
  nextRecent = (nextRecent + 1) % RECENT_LISTS;
  return list;
}

function sameList(list: readonly Condition[], head: readonly Condition[], tail: readonly Condition[]): boolean {
  if (list.length !== head.length + tail.length) return false;
  for (let i = 0; i < head.length; i++) if (list[i] !== head[i]) return false;
  for (let i = 0; i < tail.length; i++) if (list[head.length + i] !== tail[i]) return false;
  return true;
}

function runningState(startedAtMs: number): Record<string, unknown> {
  const startedAt = t(startedAtMs);
  return runningByStart.get(startedAt) ?? runningByStart.set(startedAt, Object.freeze({ running: Object.freeze({ startedAt }) }));
}

function waitingState(reason: string): Record<string, unknown> {
  return waitingByReason.get(reason) ?? waitingByReason.set(reason, Object.freeze({ waiting: Object.freeze({ reason }) }));
}

function hostIPsOf(hostIP: string): readonly { ip: string }[] {
  return hostIPsByIp.get(hostIP) ?? hostIPsByIp.set(hostIP, Object.freeze([Object.freeze({ ip: hostIP })]));
}

function terminatedJson(s: TerminatedState): Record<string, unknown> {
  return {
    terminated: {
      exitCode: s.exitCode,
      reason: s.reason,
      ...(s.startedAtMs !== undefined ? { startedAt: t(s.startedAtMs) } : {}),
      finishedAt: t(s.finishedAtMs),
      ...(s.containerId ? { containerID: s.containerId } : {}),
    },
  };
}

function isReady(run: PodRun, c: ContainerRun): boolean {
  return c.kind !== 'init' && c.startedAtMs !== undefined && !c.terminated && run.readyAtMs !== undefined;
}

function containerStatus(run: PodRun, c: ContainerRun, waitingReason: string): Record<string, unknown> {
  let state: Record<string, unknown>;
  if (c.terminated) state = terminatedJson(c.terminated);
  else if (c.startedAtMs !== undefined) state = runningState(c.startedAtMs);
  else state = waitingState(waitingReason);
  const lastState = c.last ? terminatedJson(c.last) : NO_LAST_STATE;
  const ready = isReady(run, c);
  const started = c.startedAtMs !== undefined && !c.terminated;
  // upstream: a container not yet created shows the image as written in the spec and an empty imageID.
  if (c.containerId === undefined) return { name: c.name, state, lastState, ready, restartCount: c.restartCount, image: c.image, imageID: '', started };
  return { name: c.name, state, lastState, ready, restartCount: c.restartCount, image: normalizeImage(c.image), imageID: imageId(c.image), containerID: c.containerId, started };
}

/** upstream: getPhase for restartPolicy Always — containers that ran before and wait to restart keep the pod Running. */
function phaseOf(run: PodRun): string {
  if (run.stage === 'terminated') {
    return run.containers.every((c) => c.kind !== 'main' || (c.terminated?.exitCode ?? 0) === 0) ? 'Succeeded' : 'Failed';
  }
  if (run.stage === 'creating') return run.restarted ? 'Running' : 'Pending';
  return 'Running';
}

/** `names` joined by spaces (most pods have one container: its name, no new string). */
function withName(names: string | undefined, name: string): string {
  return names === undefined ? name : `${names} ${name}`;
}

export function podStatusFor(pod: KubeObject, run: PodRun, hostIP: string): Record<string, unknown> {
  const prev = (pod.status ?? {}) as { conditions?: Condition[]; qosClass?: string };
  let hasInits = false;
  let unready: string | undefined;
  let regularInits: string | undefined;
  for (const c of run.containers) {
    if (c.kind === 'main') {
      if (!isReady(run, c)) unready = withName(unready, c.name);
    } else {
      hasInits = true;
      if (c.kind === 'init') regularInits = withName(regularInits, c.name);
    }
  }
  const initsDone = run.startedAtMs !== undefined;
  const terminated = run.stage === 'terminated';
  const stoppedAt = run.stoppedAtMs ?? run.admittedAtMs;
  const sandbox = run.startedAtMs !== undefined && !terminated;
  const ready = unready === undefined && !terminated;
  const readySince = ready ? (run.readyAtMs ?? run.admittedAtMs) : terminated ? stoppedAt : run.admittedAtMs;
  const notReadyReason = terminated ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage = terminated ? undefined : unreadyMessage(unready ?? '');
  const kubelet = [
    condition('PodReadyToStartContainers', sandbox, sandbox ? run.startedAtMs! : terminated ? stoppedAt : run.admittedAtMs),
    regularInits === undefined || initsDone
      ? condition('Initialized', true, regularInits === undefined ? run.admittedAtMs : run.startedAtMs!)
      : condition('Initialized', false, run.admittedAtMs, 'ContainersNotInitialized', incompleteMessage(regularInits)),
    condition('Ready', ready, readySince, notReadyReason, notReadyMessage),
    condition('ContainersReady', ready, readySince, notReadyReason, notReadyMessage),
  ];
  // The pod's other conditions (PodScheduled, DisruptionTarget, ...), kept after the kubelet's own, into a
  // reused array: conditionsList copies what it keeps.
  const others = OTHERS;
  others.length = 0;
  for (const c of prev.conditions ?? []) if (!KUBELET_CONDITIONS.has(c.type)) others.push(c);
  const conditions = conditionsList(kubelet, others);
  others.length = 0;
  const mainWaiting = regularInits !== undefined && !initsDone ? 'PodInitializing' : 'ContainerCreating';
  const ip = run.hostNetwork ? hostIP : run.ip;
  const containerStatuses: Record<string, unknown>[] = [];
  for (const c of run.containers) if (c.kind === 'main') containerStatuses.push(containerStatus(run, c, mainWaiting));
  if (ip && !hasInits && prev.qosClass) {
    // The common pod, in one literal (its fields in the object itself).
    return { phase: phaseOf(run), conditions, hostIP, hostIPs: hostIPsOf(hostIP), podIP: ip, podIPs: [{ ip }], startTime: t(run.startTimeMs), containerStatuses, qosClass: prev.qosClass };
  }
  return {
    phase: phaseOf(run),
    conditions,
    hostIP,
    hostIPs: hostIPsOf(hostIP),
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    startTime: t(run.startTimeMs),
    ...(hasInits ? { initContainerStatuses: run.containers.filter((c) => c.kind !== 'main').map((c) => containerStatus(run, c, 'PodInitializing')) } : {}),
    containerStatuses,
    ...(prev.qosClass ? { qosClass: prev.qosClass } : {}),
  };
}

function unreadyMessage(names: string): string {
  return unreadyMessages.get(names) ?? unreadyMessages.set(names, `containers with unready status: [${names}]`);
}

function incompleteMessage(names: string): string {
  return incompleteMessages.get(names) ?? incompleteMessages.set(names, `containers with incomplete status: [${names}]`);
}
