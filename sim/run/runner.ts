// `kis run`: plays a flight profile against a cluster — the embedded twin in lockstep by default, or a lab
// cluster in real time — through the same HAL wiring and executor hardware uses; journals everything,
// judges the expectations on the journal and writes the reports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Action, InjectableSignal, JournalHeader, JournalRecord, Signal } from '../../hal/signals/index.ts';
import { ActionExecutor, ActionQueue, ClusterObserver, KubeCluster, ManifestClient, loadKubeConfig, withClockHolds } from '../../hal/cluster/index.ts';
import { decide, deriveWiring, INITIAL_STATE, type WiringState } from '../../hal/wiring/index.ts';
import { LockstepClock, RealClock, ScaledClock, type Clock, type TimerHandle } from '../core/index.ts';
import { formatMissionTime, type Profile } from '../profile/index.ts';
import { simulationControllers, startTwin, type Twin } from '../twin/index.ts';
import { vehicleModel } from '../vehicle/index.ts';
import { evaluateExpectations, type ExpectationResult } from './expectations/index.ts';
import { JournalWriter } from './journal-writer.ts';
import { journalLayout } from './layout.ts';
import { restampSignal, stampInjection, type InjectResult, type LiveSink, type RunControl } from './live.ts';
import { runManifests, type Manifest } from './manifests.ts';
import { ClusterRecorder } from './observe.ts';
import { InstantBuffer } from './instant-order.ts';
import { PhaseTimer, type PhaseTimes } from './phase-times.ts';
import { RecordsAhead, type BatchAhead } from './records-ahead.ts';
import { cachedPki } from './pki-cache.ts';
import { storeStatus, WORKLOAD_KINDS, workloadReady } from './readiness.ts';
import { junitXml, summaryText } from './report/index.ts';
import { twinConfig } from './twin-config.ts';
import { vehicleNodes } from './vehicle-nodes.ts';

export type RunMode = 'fast' | 'speed' | 'realtime';

export interface RunOptions {
  profile: Profile;
  profilePath: string;
  outDir: string;
  seed: number;
  mode: RunMode;
  speed?: number;
  kubeconfig?: string;
  context?: string;
  junit?: string;
  keep?: boolean;
  /** One progress line (mission clock, phase, pods, failing expectations); undefined when not a TTY. */
  progress?: (line: string) => void;
  log?: (line: string) => void;
  /** Aborts the run (Ctrl-C): the journal so far is kept and the report says aborted. */
  signal?: AbortSignal;
  /** Sees the journal as it is written (the live web view). */
  live?: LiveSink;
  /** Called once the cluster is up (before the workloads are created): kubeconfigs, instructor injections. */
  onStarted?: (run: RunControl) => void;
  /** Keeps the twin's serving certificate in this directory between runs (`kis run`: the user's cache); minted per run without. */
  pkiCacheDir?: string;
}

export interface RunOutcome {
  results: ExpectationResult[];
  aborted?: string;
  outDir: string;
  summary: string;
  wallSeconds: number;
  missionSeconds: number;
  /** Wall milliseconds per phase (start-up, pre-launch, flight, shutdown, post-flight). */
  phases: PhaseTimes;
}

/** Virtual epoch of lockstep runs: fixed, so timestamps (and journals) repeat exactly. */
const LOCKSTEP_EPOCH = Date.UTC(2026, 0, 1);
const PRELAUNCH_LIMIT_MS = 600_000;

export async function runFlight(o: RunOptions): Promise<RunOutcome> {
  const wall0 = performance.now();
  const phases = new PhaseTimer();
  phases.enter('startup');
  const log = o.log ?? (() => undefined);
  const profile = o.profile;
  const realCluster = o.kubeconfig !== undefined;
  const clock: Clock & { stop?: () => void } =
    o.mode === 'fast' && !realCluster ? new LockstepClock({ start: LOCKSTEP_EPOCH, stallTimeoutMs: 120_000 }) : o.mode === 'speed' ? new ScaledClock(o.speed ?? 1) : new RealClock();
  const lockstep = clock instanceof LockstepClock ? clock : undefined;
  const runId = `${profile.metadata.name}-${o.seed}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40);
  const names = { run: runId, namespace: `kis-${runId}` };
  const manifests = runManifests(profile, names);

  const nodes = vehicleNodes(profile);
  const wallNow = new Date();
  const certificates = o.pkiCacheDir === undefined ? {} : { certificates: cacheIn(o.pkiCacheDir, wallNow) };
  const starting = realCluster ? undefined : startTwin({ clock, wallNow, nodes, controllers: simulationControllers(nodes), config: twinConfig(profile, o.seed), port: 0, ...certificates });
  // The vehicle model (pure, ~50 ms cold) is built while the twin's TLS keys are generated off the main thread.
  const model = vehicleModel(profile);
  const twin: Twin | undefined = await starting;
  const kc = loadKubeConfig(realCluster ? { path: o.kubeconfig!, ...(o.context ? { context: o.context } : {}) } : { yaml: twin!.kubeconfig('admin', 'json') });
  const kube = new KubeCluster(kc);
  const cluster = withClockHolds(kube, clock, 'cluster');
  const manifestClient = new ManifestClient(kc);
  const objects = withClockHolds(manifestClient, clock, 'manifests');

  const records: JournalRecord[] = [];
  const header: JournalHeader = {
    kind: 'header', format: 'kis-journal', version: 1, profile: profile.metadata.name, vehicle: profile.vehicle.name, seed: o.seed,
    clock: lockstep ? 'lockstep' : o.mode === 'speed' ? 'scaled' : 'realtime', namespace: names.namespace, layout: journalLayout(profile, model),
  };
  const journal = new JournalWriter(join(o.outDir, 'journal.ndjson'), header);
  o.live?.header(header);
  let t0 = Number.NaN;
  // Before the countdown (pre-launch) everything observed is stamped with the mission's first instant.
  const missionNow = () => (Number.isNaN(t0) ? profile.startMs : clock.now() - t0);
  // Cleared when the run ends: on a scaled or real clock an aborted run's timeline would otherwise fire into the closed journal.
  const timers: TimerHandle[] = [];
  const emit = (r: JournalRecord) => {
    records.push(r);
    journal.append(r);
    o.live?.record(r, records.length - 1);
  };
  // In lockstep, the records of one virtual instant are journalled together in a canonical order (see
  // instant-order.ts): an action's result arrives over HTTPS while the twin's controllers react to it within that
  // same instant, and which of them the event loop runs first must not change the journal of a seeded run.
  // Only a live watcher needs an instant's records as soon as it is over: without one, the next instant's first
  // record (or the run's end) flushes them, and no extra lockstep instant is spent per instant of the run.
  const afterInstant = o.live ? (flush: () => void) => timers.push(clock.setTimeout(flush, 1)) : undefined;
  const instant = lockstep ? new InstantBuffer(() => clock.now(), emit, afterInstant) : undefined;
  // Set at T0 in lockstep: the vehicle's telemetry-only instants, journalled as the clock passes them (no timers).
  let ahead: RecordsAhead<JournalRecord> | undefined;
  const record = (r: JournalRecord) => {
    ahead?.upTo(clock.now());
    if (instant) instant.add(r);
    else emit(r);
  };
  let aborted: string | undefined;
  const onAbort = () => {
    aborted = `interrupted at ${Number.isNaN(t0) ? 'pre-launch' : formatMissionTime(clock.now() - t0)}`;
    lockstep?.stop();
    wakeRealtime?.();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  let wakeRealtime: (() => void) | undefined;
  let ticker: TimerHandle | undefined;
  const sleepUntil = async (target: number) => {
    if (lockstep) {
      await lockstep.run(target);
      return;
    }
    await new Promise<void>((resolve) => {
      wakeRealtime = resolve;
      timers.push(clock.setTimeout(resolve, Math.max(0, target - clock.now())));
    });
  };

  let queue: ActionQueue | undefined;
  let stopObserving = () => undefined as unknown;
  // Set at T0: every signal, the profile's or an instructor's, goes through it to the wiring and the queue.
  let feed: ((signal: Signal) => void) | undefined;
  let over = false;
  let injected = 0;
  const admit = (stamp: () => InjectResult): InjectResult => {
    if (over) return { ok: false, reason: 'the run is over' };
    if (!feed) return { ok: false, reason: 'the mission has not started yet (pre-launch)' };
    const stamped = stamp();
    if (stamped.ok) feed(stamped.signal);
    return stamped;
  };
  const inject = (s: InjectableSignal) => admit(() => stampInjection(s, missionNow(), ++injected));
  const signal = (s: Signal) => admit(() => restampSignal(s, missionNow()));
  try {
    o.onStarted?.({ kubeconfig: (role) => twin?.kubeconfig(role), namespace: names.namespace, missionNow, inject, signal });
    // Pre-launch: the run's objects, then every workload up before the countdown starts.
    phases.enter('prelaunch');
    log(`kis run: ${profile.metadata.name} on ${realCluster ? `the cluster in ${o.kubeconfig}` : 'the embedded twin'} (seed ${o.seed}), namespace ${names.namespace}`);
    await objects.createAll(manifests);
    // Observe from now, so the state at T0 is known however the cluster is watched (informers list lazily).
    const recorder = new ClusterRecorder((pc) => (pc.startsWith(`${runId}-`) ? pc.slice(runId.length + 1) : pc));
    stopObserving = observe(twin, kube, clock, profile.vehicle.name, names.namespace, recorder, missionNow, record);
    // On the twin the runner reads readiness from its store, as it observes it (below); a lab cluster over the API.
    const statusOf = twin ? (m: Manifest) => Promise.resolve(storeStatus(twin!.store, m)) : (m: Manifest) => objects.status(m);
    await waitForWorkloads(manifests, statusOf, clock, sleepUntil, () => aborted !== undefined);
    if (aborted) throw new Aborted();

    // T0: the first timeline instant is now.
    phases.enter('flight');
    t0 = clock.now() - profile.startMs;

    const wiring = deriveWiring(profile, { arming: 'armed' });
    let state: WiringState = INITIAL_STATE;
    const executor = new ActionExecutor({ cluster, vehicle: profile.vehicle.name, clock, arm: { armed: true }, namespace: names.namespace });
    queue = new ActionQueue({
      path: join(o.outDir, 'actions.ndjson'),
      executor,
      clock,
      // The same queue as kis hal's, but a run is never resumed from it (a new run gets a new directory): its
      // fsyncs (12 on falcon9-leo, 30-60 ms holding the lockstep clock) would protect nothing.
      durable: false,
      onResult: (entry, result) => record({ t: missionNow(), kind: 'action', action: entry.action as Action, status: result.status, ...(result.detail ? { detail: result.detail } : {}) }),
    });
    queue.start();
    const actions = queue;
    feed = (signal) => {
      record({ t: signal.t, kind: 'signal', signal });
      const decision = decide(signal, state, wiring);
      state = decision.state;
      // Workload actions name no namespace: the executor puts them in the run's.
      for (const action of decision.actions) {
        // The stage leaves now whatever a drain still waits for (the detach is queued behind it).
        if (action.type === 'detach-stage') executor.cancelDrain(action.stage);
        record({ t: signal.t, kind: 'action', action, status: 'decided' });
        actions.enqueue(action);
      }
    };
    // One timer per instant of the vehicle's stream, not per record: records due together fire in stream order
    // either way (a batch fires in creation order, unbroken), with a third of the timers. In lockstep, an instant of
    // telemetry alone needs no timer (records-ahead.ts); a live view still gets each as its instant comes.
    const quiet: BatchAhead<JournalRecord>[] = [];
    for (const batch of byInstant(model.records())) {
      const at = t0 + batch[0]!.t;
      if (instant && !o.live && batch.every((r) => r.kind === 'telemetry')) {
        quiet.push({ at, records: batch });
        continue;
      }
      const play = feed;
      timers.push(clock.setTimeout(() => {
        for (const r of batch) {
          if (r.kind === 'telemetry') record(r);
          else play(r.signal);
        }
      }, at - clock.now()));
    }
    if (instant && quiet.length > 0) {
      ahead = new RecordsAhead(quiet, (r) => instant.add(r));
      // The instant now may hold pre-launch records already: its telemetry joins it now, as a timer due now would.
      ahead.upTo(clock.now());
    }
    const end = t0 + profile.durationMs;
    ticker = o.progress ? clock.setInterval(() => o.progress!(progressLine(profile, missionNow(), records)), lockstep ? 10_000 : 1_000) : undefined;
    await sleepUntil(end);
    if (aborted) throw new Aborted();
  } catch (e) {
    if (!(e instanceof Aborted)) {
      aborted ??= `failed: ${e instanceof Error ? e.message : String(e)}`;
      record({ t: missionNow(), kind: 'log', level: 'error', message: aborted });
    }
  } finally {
    phases.enter('shutdown');
    over = true;
    // What the clock has passed (all of it, unless aborted) before anything shutdown records.
    ahead?.upTo(clock.now());
    for (const h of timers) clock.clearTimeout(h);
    clock.clearInterval(ticker);
    o.signal?.removeEventListener('abort', onAbort);
    stopObserving();
    await queue?.stop();
    if (realCluster && !o.keep) await objects.deleteAll([...manifests].reverse().filter((m) => m.kind === 'Namespace' || m.kind === 'PriorityClass')).catch((e) => log(`kis run: cleanup failed: ${String(e)}`));
    manifestClient.close();
    kube.close();
    await twin?.close();
  }

  phases.enter('postflight');
  instant?.flush();
  let results: ExpectationResult[];
  try {
    results = evaluateExpectations(profile, records);
    // The verdicts close the journal; `t` is when one failed (or its worst moment), so it may be earlier than the records before it.
    const end = aborted ? missionNow() : profile.durationMs;
    for (const r of results) emit({ t: r.at ?? end, kind: 'expect', name: r.name, status: r.status, message: r.message, observed: { worst: r.worst } });
  } finally {
    instant?.flush();
    journal.close();
  }
  o.live?.end(records.length);
  const missionMs = Number.isNaN(t0) ? 0 : Math.max(0, clock.now() - t0 - profile.startMs);
  const title = `${profile.metadata.name} — ${realCluster ? 'lab cluster' : 'embedded twin'}, seed ${o.seed}, ${(missionMs / 1000).toFixed(0)} s of mission time`;
  const summary = summaryText(title, results, aborted ? { aborted } : {});
  const report = { profile: profile.metadata.name, profilePath: o.profilePath, seed: o.seed, mode: lockstep ? 'lockstep' : o.mode, aborted: aborted ?? null, results };
  writeFileSync(join(o.outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const junit = junitXml(profile.metadata.name, results, aborted ? { aborted } : {});
  writeFileSync(join(o.outDir, 'junit.xml'), junit);
  if (o.junit) writeFileSync(o.junit, junit);
  writeFileSync(join(o.outDir, 'summary.txt'), `${summary}\n`);
  return { results, ...(aborted ? { aborted } : {}), outDir: o.outDir, summary, wallSeconds: (performance.now() - wall0) / 1000, missionSeconds: missionMs / 1000, phases: phases.stop() };
}

class Aborted extends Error {}

const cacheIn = (dir: string, now: Date) => (hosts: readonly string[], mint: () => Promise<Twin['pki']>) => cachedPki({ dir, hosts, now, mint });

/** Consecutive records of a time-ordered stream grouped by their instant. */
function byInstant<R extends { t: number }>(records: readonly R[]): R[][] {
  const out: R[][] = [];
  for (const r of records) {
    const last = out[out.length - 1];
    if (last && last[0]!.t === r.t) last.push(r);
    else out.push([r]);
  }
  return out;
}

async function waitForWorkloads(manifests: readonly Manifest[], statusOf: (m: Manifest) => Promise<Record<string, unknown> | undefined>, clock: Clock, sleepUntil: (t: number) => Promise<void>, stopped: () => boolean): Promise<void> {
  const deadline = clock.now() + PRELAUNCH_LIMIT_MS;
  const workloads = manifests.filter((m) => WORKLOAD_KINDS.has(m.kind));
  for (;;) {
    let pending: Manifest | undefined;
    for (const m of workloads) {
      if (!workloadReady(m, await statusOf(m))) {
        pending = m;
        break;
      }
    }
    if (!pending || stopped()) return;
    if (clock.now() >= deadline) throw new Error(`pre-launch: ${pending.kind} ${pending.metadata.name} not ready after ${PRELAUNCH_LIMIT_MS / 1000} s`);
    await sleepUntil(clock.now() + 1_000);
  }
}

/**
 * Journals pod and node changes: from the twin's store in lockstep (exact instants), or informers on a lab
 * cluster. Events too on the twin: the run's namespace's, and those about the vehicle's nodes (recorded in
 * "default", where upstream's recorder puts cluster-scoped objects' Events). hal/cluster's observer watches
 * no Events, so a lab run journals none.
 */
function observe(twin: Twin | undefined, kube: KubeCluster, clock: Clock, vehicle: string, namespace: string, recorder: ClusterRecorder, missionNow: () => number, record: (r: JournalRecord) => void): () => void {
  const emit = (r: ReturnType<ClusterRecorder['pod']>) => r && record(r);
  if (twin) {
    for (const n of twin.store.list('nodes', undefined).items) emit(recorder.node(missionNow(), 'added', n));
    for (const p of twin.store.list('pods', namespace).items) emit(recorder.pod(missionNow(), 'added', p));
    const rv = twin.store.resourceVersion();
    const op = (t: string) => (t === 'ADDED' ? 'added' : t === 'DELETED' ? 'deleted' : 'modified') as 'added' | 'modified' | 'deleted';
    const nodes = twin.store.watch('nodes', undefined, rv, (ev) => ev.type !== 'BOOKMARK' && emit(recorder.node(missionNow(), op(ev.type), ev.object)));
    const pods = twin.store.watch('pods', namespace, rv, (ev) => ev.type !== 'BOOKMARK' && emit(recorder.pod(missionNow(), op(ev.type), ev.object)));
    const nodeNames = new Set(twin.store.list('nodes', undefined).items.map((n) => n.metadata.name));
    const ours = (e: { metadata: { namespace?: string }; involvedObject?: { kind?: string; name?: string } }) =>
      e.metadata.namespace === namespace || (e.involvedObject?.kind === 'Node' && nodeNames.has(e.involvedObject.name));
    const events = twin.store.watch('events', undefined, rv, (ev) => ev.type !== 'BOOKMARK' && ours(ev.object) && emit(recorder.event(missionNow(), op(ev.type), ev.object)));
    return () => {
      nodes.stop();
      pods.stop();
      events.stop();
    };
  }
  const observer = new ClusterObserver({
    cluster: kube, clock, vehicle,
    onChange: (c) => {
      if (c.resource === 'nodes') {
        const n = c.object;
        emit(recorder.node(missionNow(), c.op, { metadata: { name: n.name, labels: { ...n.labels }, annotations: { ...n.annotations } }, spec: { unschedulable: n.unschedulable, taints: n.taints }, status: { conditions: n.ready ? [{ type: 'Ready', status: n.ready }] : [] } }));
      } else if (c.object.namespace === namespace) {
        const p = c.object;
        emit(recorder.pod(missionNow(), c.op, {
          metadata: { name: p.name, namespace: p.namespace, labels: { ...(p.labels ?? {}) }, ...(p.terminating ? { deletionTimestamp: 'set' } : {}) },
          spec: { ...(p.nodeName ? { nodeName: p.nodeName } : {}), ...(p.priorityClassName ? { priorityClassName: p.priorityClassName } : {}) },
          status: { ...(p.phase ? { phase: p.phase } : {}), conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False' }] },
        }));
      }
    },
  });
  void observer.start();
  return () => void observer.stop();
}

function progressLine(profile: Profile, t: number, records: readonly JournalRecord[]): string {
  let phase = 'mission';
  const pods = new Map<string, boolean>();
  for (const r of records) {
    if (r.kind === 'signal' && r.signal.type === 'custom' && r.signal.name === 'flight-phase') phase = String((r.signal.data as { phase?: string } | undefined)?.phase ?? phase);
    if (r.kind === 'cluster' && r.resource === 'pods') {
      if (r.op === 'deleted') pods.delete(`${r.namespace}/${r.name}`);
      else pods.set(`${r.namespace}/${r.name}`, (r.data as { ready?: boolean } | undefined)?.ready === true);
    }
  }
  const ready = [...pods.values()].filter(Boolean).length;
  return `${formatMissionTime(t)} / ${formatMissionTime(profile.durationMs)}  phase ${phase}  pods ${ready} ready, ${pods.size - ready} not ready`;
}
