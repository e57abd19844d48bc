// One kubelet's pods: admission, image pulls, container start, readiness, graceful termination and the final
// delete, each step on the injected clock with seeded jitter. Status goes to the API only when the node can
// reach it; otherwise it is kept and resent (upstream: the status manager resyncs every 10 s).
// upstream: pkg/kubelet/pod_workers.go, kuberuntime_manager.go SyncPod/killPodWithSyncResult, status_manager.go.
import { hexFrom, type SeededRandom } from '../../core/index.ts';
import { ApiError, deleteObject, resourceByKey } from '../api/index.ts';
import type { ControllerContext } from '../controllers/index.ts';
import { keyOfObject, type KubeObject } from '../store/index.ts';
import { messages, needsPull } from './images.ts';
import type { PodIpAllocator } from './ipam.ts';
import type { KubeletOptions } from './options.ts';
import { decidePod } from './pod-decision.ts';
import { adoptedPodRun, newPodRun, type PodRun } from './pod-run.ts';
import { podStatusFor } from './pod-status.ts';

const PODS = resourceByKey('pods')!;

/** What the pod workers need from their kubelet. */
export interface PodHost {
  readonly nodeName: string;
  readonly ctx: ControllerContext;
  readonly opts: KubeletOptions;
  readonly random: SeededRandom;
  /** False while the node cannot reach the API (partition): writes are kept for later. */
  canWrite(): boolean;
  hostIP(): string;
  ipam(): PodIpAllocator | undefined;
  /** Runs a write the controller's own watch must not bounce back as work. */
  selfWrite<T>(fn: () => T): T;
  /** Tells the controller which kubelet runs a pod key (undefined: none any more). */
  setOwner(key: string, running: boolean): void;
}

interface ApiPodSpec {
  terminationGracePeriodSeconds?: number;
  containers?: { readinessProbe?: { initialDelaySeconds?: number } }[];
}

export class PodWorkers {
  private readonly runs = new Map<string, PodRun>();
  /** Images this node has pulled (the runtime keeps them on disk, so they survive a reboot). */
  private readonly images = new Set<string>();

  constructor(private readonly host: PodHost) {}

  uidOf(key: string): string | undefined {
    return this.runs.get(key)?.uid;
  }

  get size(): number {
    return this.runs.size;
  }

  /** Reconciles one pod bound to this node. `rebootAtMs`: the node came back from a power cycle then. */
  sync(pod: KubeObject, opts: { mayAdopt?: boolean; rebootAtMs?: number } = {}): void {
    const key = keyOfObject(pod);
    let run = this.runs.get(key);
    if (run && run.uid !== pod.metadata.uid) {
      this.forget(key);
      run = undefined;
    }
    const status = (pod.status ?? {}) as { phase?: string; containerStatuses?: { state?: { running?: unknown } }[] };
    const action = decidePod(
      { deleting: pod.metadata.deletionTimestamp !== undefined, phase: status.phase, hasRunningContainers: (status.containerStatuses ?? []).some((c) => c.state?.running) },
      run?.stage,
      opts.mayAdopt ?? false,
    );
    switch (action) {
      case 'admit':
        return this.admit(pod, opts.rebootAtMs);
      case 'adopt': {
        const adopted = adoptedPodRun(pod, this.now());
        if (!adopted) return this.admit(pod, opts.rebootAtMs);
        this.track(adopted);
        if (adopted.ip) this.host.ipam()?.allocate(key);
        if (adopted.readyAtMs === undefined) this.scheduleReady(adopted, pod);
        return;
      }
      case 'kill':
        return this.kill(run!, pod);
      case 'shorten':
        return this.shorten(run!, pod);
      case 'finalize':
        return this.finalize(key, pod.metadata.uid ?? '', run);
      case 'ignore':
        if (run) this.forget(key);
        return;
      case 'none':
        return;
    }
  }

  /** Drops the local run (the pod is gone from the API, or moved): no writes. */
  forget(key: string): void {
    const run = this.runs.get(key);
    if (!run) return;
    this.host.ctx.clock.clearTimeout(run.timer);
    this.runs.delete(key);
    this.host.ipam()?.release(key);
    this.host.setOwner(key, false);
  }

  /** Power off / crash: every container dies at once; nothing is written (the API keeps the last report). */
  stopAll(): void {
    for (const key of [...this.runs.keys()]) this.forget(key);
  }

  /** Keys this kubelet runs (for a resync against the API). */
  keys(): string[] {
    return [...this.runs.keys()];
  }

  /** Resends statuses that could not be written, and retries final deletes (upstream: status manager syncBatch). */
  flushDirty(): void {
    for (const run of this.runs.values()) {
      if (!run.dirty) continue;
      if (run.stage === 'terminated') this.finalize(run.key, run.uid, run);
      else this.writeStatus(run);
    }
  }

  // --- lifecycle steps -------------------------------------------------------------------------------------

  private admit(pod: KubeObject, rebootAtMs: number | undefined): void {
    const run = newPodRun(pod, this.now(), rebootAtMs);
    this.track(run);
    if (run.restarted) this.event(pod, 'Normal', 'SandboxChanged', messages.sandboxChanged());
    this.writeStatus(run);
    const pulls = run.containers.filter((c) => needsPull(c.pullPolicy, this.images.has(c.image)));
    for (const c of pulls) this.event(pod, 'Normal', 'Pulling', messages.pulling(c.image));
    const pullMs = pulls.length ? this.delay(this.host.ctx.config.podStartDelay.imagePullMs) : 0;
    if (pullMs === 0) return this.pulled(run, pulls.map((c) => c.name), 0);
    this.at(run, pullMs, () => this.pulled(run, pulls.map((c) => c.name), pullMs));
  }

  private pulled(run: PodRun, pulledNames: string[], pullMs: number): void {
    const pod = this.apiPod(run);
    if (!pod) return;
    const pulled = new Set(pulledNames);
    for (const c of run.containers) {
      // upstream: a pull shows Pulling/Pulled; an image already on the node shows "already present".
      if (pulled.has(c.name)) this.event(pod, 'Normal', 'Pulled', messages.pulled(c.image, pullMs, pullMs, this.host.opts.imageSizeBytes));
      else this.event(pod, 'Normal', 'Pulled', messages.present(c.image));
      this.images.add(c.image);
    }
    this.at(run, this.delay(this.host.ctx.config.podStartDelay.startMs), () => this.started(run));
  }

  private started(run: PodRun): void {
    const pod = this.apiPod(run);
    if (!pod) return;
    const now = this.now();
    if (!run.hostNetwork) {
      const ip = this.host.ipam()?.allocate(run.key);
      if (ip) run.ip = ip;
    }
    for (const c of run.containers) {
      c.containerId = `kis://${this.hexId()}`;
      if (c.last && c.kind !== 'init') c.restartCount++;
      c.startedAtMs = now;
      delete c.terminated;
      // upstream: init containers run to completion before the rest start; the twin's complete at once.
      if (c.kind === 'init') c.terminated = { exitCode: 0, reason: 'Completed', startedAtMs: now, finishedAtMs: now, containerId: c.containerId };
      this.event(pod, 'Normal', 'Created', messages.created(c.name));
      this.event(pod, 'Normal', 'Started', messages.started(c.name));
    }
    run.stage = 'running';
    run.startedAtMs = now;
    this.writeStatus(run);
    this.scheduleReady(run, pod);
  }

  private scheduleReady(run: PodRun, pod: KubeObject): void {
    const probes = ((pod.spec as ApiPodSpec | undefined)?.containers ?? []).map((c) => (c.readinessProbe?.initialDelaySeconds ?? 0) * 1000);
    const wait = Math.max(0, ...probes) + this.delay(this.host.ctx.config.podStartDelay.readinessMs);
    this.at(run, wait, () => {
      run.readyAtMs = this.now();
      this.writeStatus(run);
    });
  }

  private kill(run: PodRun, pod: KubeObject): void {
    this.host.ctx.clock.clearTimeout(run.timer);
    const running = run.containers.filter((c) => c.startedAtMs !== undefined && !c.terminated);
    run.stage = 'terminating';
    if (running.length === 0) return this.stopped(run, false);
    for (const c of running) this.event(pod, 'Normal', 'Killing', messages.killing(c.name));
    run.terminatingSinceMs = this.now();
    this.scheduleStop(run, pod);
  }

  /** upstream: the grace period is deletionGracePeriodSeconds, else the spec's; the container exits by then or is SIGKILLed. */
  private scheduleStop(run: PodRun, pod: KubeObject): void {
    const graceMs = 1000 * (pod.metadata.deletionGracePeriodSeconds ?? (pod.spec as ApiPodSpec | undefined)?.terminationGracePeriodSeconds ?? 30);
    const began = run.terminatingSinceMs ?? this.now();
    const stopAt = began + Math.min(graceMs, this.host.opts.containerStopMs);
    if (run.stopAtMs !== undefined && run.stopAtMs <= stopAt) return;
    run.stopAtMs = stopAt;
    const killed = this.host.opts.containerStopMs > graceMs;
    this.at(run, stopAt - this.now(), () => this.stopped(run, killed));
  }

  private shorten(run: PodRun, pod: KubeObject): void {
    if (run.stopAtMs !== undefined) this.scheduleStop(run, pod);
  }

  private stopped(run: PodRun, killed: boolean): void {
    const now = this.now();
    for (const c of run.containers) {
      if (c.terminated) continue;
      if (c.startedAtMs !== undefined) {
        c.terminated = { exitCode: killed ? 137 : 0, reason: killed ? 'Error' : 'Completed', startedAtMs: c.startedAtMs, finishedAtMs: now, ...(c.containerId ? { containerId: c.containerId } : {}) };
      } else {
        // upstream: kubelet_pods.go — a container that never ran in a terminated pod.
        c.terminated = { exitCode: 137, reason: 'ContainerStatusUnknown', finishedAtMs: now };
      }
    }
    run.stage = 'terminated';
    run.stoppedAtMs = now;
    this.finalize(run.key, run.uid, run);
  }

  /** The terminal status, then the kubelet's final delete (grace 0, uid precondition). */
  private finalize(key: string, uid: string, run: PodRun | undefined): void {
    // Until the delete goes through, the run stays dirty so the next status sync retries the whole step.
    if (run && !this.writeStatus(run)) return;
    if (run) run.dirty = true;
    if (!this.host.canWrite()) return;
    const slash = key.indexOf('/');
    try {
      this.host.selfWrite(() => deleteObject(this.host.ctx.registry, PODS, key.slice(0, slash), key.slice(slash + 1), { gracePeriodSeconds: 0, preconditions: { uid } }));
      this.forget(key);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 404 || e.code === 409)) this.forget(key);
      else if (!(e instanceof ApiError)) this.host.ctx.onError(`kubelet/${this.host.nodeName} delete ${key}`, e);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private track(run: PodRun): void {
    this.runs.set(run.key, run);
    this.host.setOwner(run.key, true);
  }

  /** Posts the run's status; false (and the run marked dirty) when the API cannot take it now. */
  private writeStatus(run: PodRun): boolean {
    if (!this.host.canWrite()) {
      run.dirty = true;
      return false;
    }
    const pod = this.apiPod(run);
    if (!pod) return false;
    try {
      const status = podStatusFor(pod, run, this.host.hostIP());
      this.host.selfWrite(() => this.host.ctx.registry.commitUpdate(PODS, { ...pod, status }, pod));
      run.dirty = false;
      return true;
    } catch (e) {
      run.dirty = true;
      // 503 (no quorum) and the like: retried on the next status sync. Anything else is a bug.
      if (!(e instanceof ApiError)) this.host.ctx.onError(`kubelet/${this.host.nodeName} status ${run.key}`, e);
      return false;
    }
  }

  /** The API's pod for a run, or undefined (and the run dropped) when it is gone or replaced. */
  private apiPod(run: PodRun): KubeObject | undefined {
    const pod = this.host.ctx.store.get('pods', run.namespace, run.name);
    if (pod && pod.metadata.uid === run.uid) return pod;
    // While partitioned the kubelet cannot know; keep the run until the API is reachable again.
    if (this.host.canWrite()) this.forget(run.key);
    return undefined;
  }

  private at(run: PodRun, ms: number, fn: () => void): void {
    this.host.ctx.clock.clearTimeout(run.timer);
    run.timer = this.host.ctx.clock.setTimeout(() => {
      run.timer = undefined;
      if (this.runs.get(run.key) !== run) return;
      try {
        fn();
      } catch (e) {
        this.host.ctx.onError(`kubelet/${this.host.nodeName} ${run.key}`, e);
      }
    }, ms);
  }

  private delay(baseMs: number): number {
    const jitter = this.host.ctx.config.podStartDelay.jitterMs;
    return baseMs + (jitter > 0 ? this.host.random.int(0, Math.floor(jitter) + 1) : 0);
  }

  private hexId(): string {
    return hexFrom(this.host.random, 8);
  }

  private event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (!this.host.opts.recordPodEvents) return;
    if (!this.host.canWrite()) return; // the recorder cannot reach the API either; upstream drops what overflows
    this.host.ctx.events.event(pod, type, reason, message, { component: 'kubelet', host: this.host.nodeName });
  }

  private now(): number {
    return this.host.ctx.clock.now();
  }
}
