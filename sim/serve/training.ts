// `kis serve`: a training session — the profile flown on the twin in real time (or --speed), its workloads and
// timeline through the HAL, the web view live with an instructor console, and kubeconfigs for the trainees'
// kubectl (an admin one and a read-only one, as `kis twin` writes them). They are removed when the twin stops.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deriveWiring } from '../../hal/wiring/index.ts';
import { RealClock } from '../core/index.ts';
import type { Profile } from '../profile/index.ts';
import { startHalMqtt, type HalMqtt } from '../run/hal-mqtt.ts';
import type { RunControl } from '../run/live.ts';
import { runFlight } from '../run/runner.ts';
import { viewerPath } from '../twin/index.ts';
import { startLiveView } from './live-view.ts';
import { ViewError, type ViewOptions } from './view.ts';

export interface TrainingOptions extends ViewOptions {
  profile: Profile;
  profilePath: string;
  seed: number;
  /** Clock speed: 1 is real time. */
  speed: number;
  outDir: string;
  kubeconfigOut: string;
  /** The embedded MQTT broker (as `kis hal --broker`): devices' signals join the run through the same wiring. */
  broker?: { host?: string; port: number };
  /** Ends the session (default: SIGINT or SIGTERM): during the run it aborts it, after it stops serving. */
  until?: Promise<unknown>;
}

export async function trainingSession(o: TrainingOptions): Promise<number> {
  const admin = resolve(o.kubeconfigOut);
  const viewer = viewerPath(admin);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  void o.until?.then(onSignal);
  let mqtt: HalMqtt | undefined;
  let run: RunControl | undefined;
  const view = await startLiveView({
    ...o,
    onStarted: (control) => {
      run = control;
      mkdirSync(dirname(admin), { recursive: true });
      writeFileSync(admin, control.kubeconfig('admin') ?? '', { mode: 0o600 });
      writeFileSync(viewer, control.kubeconfig('viewer') ?? '', { mode: 0o600 });
      o.log(`kis serve: the twin is up; kubeconfigs for trainees (the run's workloads are in namespace ${control.namespace}):`);
      o.log(`  admin:     ${admin}`);
      o.log(`  read-only: ${viewer}`);
      o.log(`  try: KUBECONFIG=${viewer} kubectl get pods -n ${control.namespace} -o wide -w`);
      o.log(`       KUBECONFIG=${viewer} kubectl get events -A -w`);
    },
  });
  let stopNow = true;
  try {
    if (o.broker) {
      // The source stamps wall time; the run restamps every signal with mission time as it takes it.
      try {
        mqtt = await startHalMqtt({ wiring: deriveWiring(o.profile, { arming: 'armed' }), clock: new RealClock(), log: o.log, broker: { ...o.broker, wsPort: null } });
      } catch (e) {
        throw new ViewError((e as Error).message);
      }
      mqtt?.source.subscribe((ev) => {
        if (ev.kind === 'alarm') return o.log(`ALARM ${ev.alarm.state} ${ev.alarm.alarm} ${ev.alarm.subject}: ${ev.alarm.message}`);
        const r = run?.signal(ev.signal) ?? { ok: false, reason: 'the twin is not up yet' };
        if (!r.ok) o.log(`kis serve: MQTT ${ev.signal.type} signal not taken: ${r.reason}`);
      });
      await mqtt?.source.start();
    }
    o.log(`kis serve: flying ${o.profile.metadata.name} (seed ${o.seed}) ${o.speed === 1 ? 'in real time' : `at ×${o.speed}`}; journal in ${o.outDir}/`);
    const outcome = await runFlight({
      ...view.runOptions,
      profile: o.profile, profilePath: o.profilePath, outDir: o.outDir, seed: o.seed,
      mode: o.speed === 1 ? 'realtime' : 'speed', speed: o.speed,
      log: o.log, signal: abort.signal,
    });
    o.log(outcome.summary);
    stopNow = abort.signal.aborted;
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The twin has stopped with the run: its kubeconfigs (and their tokens) are dead.
    for (const f of [admin, viewer]) {
      try {
        rmSync(f, { force: true });
      } catch (e) {
        o.log(`kis serve: could not remove ${f}: ${(e as Error).message}`);
      }
    }
    await mqtt?.source.stop();
    await mqtt?.close();
    await view.finish(stopNow, o.until);
    o.log('kis serve: stopped');
  }
}
