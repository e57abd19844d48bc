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
// condition, a running state, a node's hostIPs. Pods that start in the same second (thousands, in lockstep)
// then share them instead of each keeping its own; a pod's status is most of what the twin holds per pod.
const SHARED_LIMIT = 4096;
const conditionsBySecond = new BoundedMap<string, Map<string, Condition>>(SHARED_LIMIT);
const runningByStart = new BoundedMap<string, Record<string, unknown>>(SHARED_LIMIT);
const hostIPsByIp = new BoundedMap<string, readonly { ip: string }[]>(SHARED_LIMIT);
const NO_LAST_STATE = Object.freeze({});

function condition(type: string, on: boolean, since: number, reason?: string, message?: string): Condition {
  const at = t(since);
  const byKind = conditionsBySecond.get(at) ?? conditionsBySecond.set(at, new Map());
  const kind = on ? `${type}\u0000True` : `${type}\u0000False\u0000${reason ?? ''}\u0000${message ?? ''}`;
  let c = byKind.get(kind);
  if (c === undefined) {
    c = Object.freeze({ type, status: on ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: at, ...(on || !reason ? {} : { reason }), ...(on || !message ? {} : { message }) });
    byKind.set(kind, c);
  }
  return c;
}

function runningState(startedAtMs: number): Record<string, unknown> {
  const startedAt = t(startedAtMs);
  return runningByStart.get(startedAt) ?? runningByStart.set(startedAt, Object.freeze({ running: Object.freeze({ startedAt }) }));
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
  const created = c.containerId !== undefined;
  let state: Record<string, unknown>;
  if (c.terminated) state = terminatedJson(c.terminated);
  else if (c.startedAtMs !== undefined) state = runningState(c.startedAtMs);
  else state = { waiting: { reason: waitingReason } };
  return {
    name: c.name,
    state,
    lastState: c.last ? terminatedJson(c.last) : NO_LAST_STATE,
    ready: isReady(run, c),
    restartCount: c.restartCount,
    // upstream: a container not yet created shows the image as written in the spec and an empty imageID.
    image: created ? normalizeImage(c.image) : c.image,
    imageID: created ? imageId(c.image) : '',
    ...(created ? { containerID: c.containerId } : {}),
    started: c.startedAtMs !== undefined && !c.terminated,
  };
}

/** upstream: getPhase for restartPolicy Always — containers that ran before and wait to restart keep the pod Running. */
function phaseOf(run: PodRun): string {
  if (run.stage === 'terminated') {
    return run.containers.every((c) => c.kind !== 'main' || (c.terminated?.exitCode ?? 0) === 0) ? 'Succeeded' : 'Failed';
  }
  if (run.stage === 'creating') return run.restarted ? 'Running' : 'Pending';
  return 'Running';
}

export function podStatusFor(pod: KubeObject, run: PodRun, hostIP: string): Record<string, unknown> {
  const prev = (pod.status ?? {}) as { conditions?: { type: string }[]; qosClass?: string };
  const inits = run.containers.filter((c) => c.kind !== 'main');
  const mains = run.containers.filter((c) => c.kind === 'main');
  const initsDone = run.startedAtMs !== undefined;
  const terminated = run.stage === 'terminated';
  const stoppedAt = run.stoppedAtMs ?? run.admittedAtMs;
  const sandbox = run.startedAtMs !== undefined && !terminated;
  const unready = mains.filter((c) => !isReady(run, c)).map((c) => c.name);
  const ready = unready.length === 0 && !terminated;
  const regularInits = inits.filter((c) => c.kind === 'init').map((c) => c.name);
  const readySince = ready ? (run.readyAtMs ?? run.admittedAtMs) : terminated ? stoppedAt : run.admittedAtMs;
  const notReadyReason = terminated ? 'PodCompleted' : 'ContainersNotReady';
  const notReadyMessage = terminated ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const conditions: Condition[] = [
    condition('PodReadyToStartContainers', sandbox, sandbox ? run.startedAtMs! : terminated ? stoppedAt : run.admittedAtMs),
    regularInits.length === 0 || initsDone
      ? condition('Initialized', true, regularInits.length === 0 ? run.admittedAtMs : run.startedAtMs!)
      : condition('Initialized', false, run.admittedAtMs, 'ContainersNotInitialized', `containers with incomplete status: [${regularInits.join(' ')}]`),
    condition('Ready', ready, readySince, notReadyReason, notReadyMessage),
    condition('ContainersReady', ready, readySince, notReadyReason, notReadyMessage),
    ...((prev.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type)) as Condition[]),
  ];
  const mainWaiting = regularInits.length > 0 && !initsDone ? 'PodInitializing' : 'ContainerCreating';
  const ip = run.hostNetwork ? hostIP : run.ip;
  return {
    phase: phaseOf(run),
    conditions,
    hostIP,
    hostIPs: hostIPsOf(hostIP),
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    startTime: t(run.startTimeMs),
    ...(inits.length ? { initContainerStatuses: inits.map((c) => containerStatus(run, c, 'PodInitializing')) } : {}),
    containerStatuses: mains.map((c) => containerStatus(run, c, mainWaiting)),
    ...(prev.qosClass ? { qosClass: prev.qosClass } : {}),
  };
}
