// What a simulated kubelet knows about a pod it runs: its containers' lives, kept locally (the "runtime"), from
// which the API status is derived. Rebuilt from the API status after a reboot, as a kubelet finds its
// containers gone but their history (restart counts, last state) in the runtime's records.
import type { TimerHandle } from '../../core/index.ts';
import { parseTimestamp } from '../../core/index.ts';
import { keyOfObject, type KubeObject } from '../store/index.ts';

export type PodStage = 'creating' | 'running' | 'terminating' | 'terminated';

export interface TerminatedState {
  exitCode: number;
  reason: string;
  startedAtMs?: number;
  finishedAtMs: number;
  containerId?: string;
}

export interface ContainerRun {
  name: string;
  image: string;
  pullPolicy?: string;
  /** init: runs to completion before the others; sidecar: an init container with restartPolicy Always. */
  kind: 'init' | 'sidecar' | 'main';
  restartCount: number;
  containerId?: string;
  startedAtMs?: number;
  /** Current state is terminated (an init container that completed, or a container stopped for deletion). */
  terminated?: TerminatedState;
  last?: TerminatedState;
}

export interface PodRun {
  key: string;
  /** The pod's own namespace and name strings (hashed once by the store's maps; a slice of `key` would be hashed per lookup). */
  namespace: string;
  name: string;
  uid: string;
  stage: PodStage;
  admittedAtMs: number;
  /** status.startTime: when a kubelet first acknowledged the pod (kept across reboots, as upstream). */
  startTimeMs: number;
  startedAtMs?: number;
  readyAtMs?: number;
  /** When graceful termination began (the kubelet saw the deletionTimestamp). */
  terminatingSinceMs?: number;
  /** When the last container exited. */
  stoppedAtMs?: number;
  /** When the containers will have exited (graceful termination in progress). */
  stopAtMs?: number;
  ip?: string;
  hostNetwork: boolean;
  containers: ContainerRun[];
  /** The containers were recreated after the node rebooted (restart counts were bumped). */
  restarted: boolean;
  /** The next lifecycle step's timer. */
  timer?: TimerHandle;
  /** The last status could not be written (503, partition): resend on the next status sync. */
  dirty: boolean;
}

interface SpecContainer {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  restartPolicy?: string;
}

interface StatusContainer {
  name: string;
  restartCount?: number;
  state?: { running?: { startedAt?: string }; terminated?: ApiTerminated; waiting?: unknown };
  lastState?: { terminated?: ApiTerminated };
  containerID?: string;
}

interface ApiTerminated {
  exitCode?: number;
  reason?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}

const ms = (t: string | undefined): number | undefined => (t ? parseTimestamp(t) : undefined);

function fromApi(t: ApiTerminated | undefined): TerminatedState | undefined {
  if (!t) return undefined;
  const startedAtMs = ms(t.startedAt);
  return {
    exitCode: t.exitCode ?? 0,
    reason: t.reason ?? '',
    ...(startedAtMs !== undefined ? { startedAtMs } : {}),
    finishedAtMs: ms(t.finishedAt) ?? 0,
    ...(t.containerID ? { containerId: t.containerID } : {}),
  };
}

/**
 * A fresh run for a pod the kubelet admits now. With `rebootAtMs` (the node went down then and has booted since),
 * containers the API shows as having run come back with their history: the old container becomes lastState
 * terminated (exit 255, reason Unknown, as after a real reboot) and the next start bumps restartCount.
 */
export function newPodRun(pod: KubeObject, nowMs: number, rebootAtMs?: number): PodRun {
  const spec = (pod.spec ?? {}) as { initContainers?: SpecContainer[]; containers?: SpecContainer[]; hostNetwork?: boolean };
  const status = (pod.status ?? {}) as { startTime?: string; containerStatuses?: StatusContainer[]; initContainerStatuses?: StatusContainer[] };
  let previous: Map<string, StatusContainer> | undefined;
  if (rebootAtMs !== undefined) {
    previous = new Map();
    for (const c of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) previous.set(c.name, c);
  }
  const containers: ContainerRun[] = [];
  let restarted = false;
  for (const c of spec.initContainers ?? []) restarted = addContainer(containers, c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', previous, rebootAtMs ?? nowMs) || restarted;
  for (const c of spec.containers ?? []) restarted = addContainer(containers, c, 'main', previous, rebootAtMs ?? nowMs) || restarted;
  // Every field in the literal, the ones set later included: a run lives as long as its pod, and fields added
  // afterwards would go to a separate property array.
  return {
    key: keyOfObject(pod),
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid ?? '',
    stage: 'creating',
    admittedAtMs: nowMs,
    startTimeMs: ms(status.startTime) ?? nowMs,
    startedAtMs: undefined,
    readyAtMs: undefined,
    terminatingSinceMs: undefined,
    stoppedAtMs: undefined,
    stopAtMs: undefined,
    ip: undefined,
    hostNetwork: spec.hostNetwork === true,
    containers,
    restarted,
    timer: undefined,
    dirty: false,
  };
}

/**
 * Appends the run of spec container `c`; with the container's status from before a reboot (`previous`), it keeps
 * its restart count and last state. True when a non-init container had run before (the pod is restarted).
 */
function addContainer(out: ContainerRun[], c: SpecContainer, kind: ContainerRun['kind'], previous: Map<string, StatusContainer> | undefined, lostAtMs: number): boolean {
  const run: ContainerRun = { name: c.name, image: c.image ?? '', pullPolicy: c.imagePullPolicy || undefined, kind, restartCount: 0, containerId: undefined, startedAtMs: undefined, terminated: undefined, last: undefined };
  out.push(run);
  const prev = previous?.get(c.name);
  if (!prev) return false;
  run.restartCount = prev.restartCount ?? 0;
  const running = prev.state?.running;
  if (running) {
    const startedAtMs = ms(running.startedAt);
    run.last = { exitCode: 255, reason: 'Unknown', ...(startedAtMs !== undefined ? { startedAtMs } : {}), finishedAtMs: lostAtMs, ...(prev.containerID ? { containerId: prev.containerID } : {}) };
  } else {
    const last = fromApi(prev.state?.terminated) ?? fromApi(prev.lastState?.terminated);
    if (last) run.last = last;
  }
  return run.last !== undefined && kind !== 'init';
}

/** A run for a pod whose containers are already running per the API (the kubelet process restarted, not the node). */
export function adoptedPodRun(pod: KubeObject, nowMs: number): PodRun | undefined {
  const status = (pod.status ?? {}) as { phase?: string; podIP?: string; conditions?: { type: string; status: string; lastTransitionTime?: string }[]; containerStatuses?: StatusContainer[] };
  if (status.phase !== 'Running') return undefined;
  const statuses = new Map((status.containerStatuses ?? []).map((c) => [c.name, c]));
  const run = newPodRun(pod, nowMs);
  let startedAtMs = Infinity;
  for (const c of run.containers) {
    if (c.kind === 'init') continue;
    const s = statuses.get(c.name);
    const started = ms(s?.state?.running?.startedAt);
    if (started === undefined) return undefined;
    c.startedAtMs = started;
    c.restartCount = s?.restartCount ?? 0;
    if (s?.containerID) c.containerId = s.containerID;
    const last = fromApi(s?.lastState?.terminated);
    if (last) c.last = last;
    startedAtMs = Math.min(startedAtMs, started);
  }
  for (const c of run.containers) if (c.kind === 'init') c.terminated = { exitCode: 0, reason: 'Completed', finishedAtMs: startedAtMs };
  run.stage = 'running';
  run.startedAtMs = Number.isFinite(startedAtMs) ? startedAtMs : nowMs;
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'True') run.readyAtMs = ms(ready.lastTransitionTime) ?? run.startedAtMs;
  if (status.podIP) run.ip = status.podIP;
  return run;
}
