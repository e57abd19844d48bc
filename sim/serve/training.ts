// `kis serve`: a training session — the profile flown on the twin in real time (or --speed), its workloads and
// timeline through the HAL, the web view live with an instructor console, and kubeconfigs for the trainees'
// kubectl (an admin one and a read-only one, as `kis twin` writes them). They are removed when the twin stops.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Profile } from '../profile/index.ts';
import { runFlight } from '../run/runner.ts';
import { viewerPath } from '../twin/index.ts';
import { startLiveView } from './live-view.ts';
import type { ViewOptions } from './view.ts';

export interface TrainingOptions extends ViewOptions {
  profile: Profile;
  profilePath: string;
  seed: number;
  /** Clock speed: 1 is real time. */
  speed: number;
  outDir: string;
  kubeconfigOut: string;
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
  const view = await startLiveView({
    ...o,
    onStarted: (run) => {
      mkdirSync(dirname(admin), { recursive: true });
      writeFileSync(admin, run.kubeconfig('admin') ?? '', { mode: 0o600 });
      writeFileSync(viewer, run.kubeconfig('viewer') ?? '', { mode: 0o600 });
      o.log(`kis serve: the twin is up; kubeconfigs for trainees (the run's workloads are in namespace ${run.namespace}):`);
      o.log(`  admin:     ${admin}`);
      o.log(`  read-only: ${viewer}`);
      o.log(`  try: KUBECONFIG=${viewer} kubectl get pods -n ${run.namespace} -o wide -w`);
      o.log(`       KUBECONFIG=${viewer} kubectl get events -A -w`);
    },
  });
  let stopNow = true;
  try {
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
    await view.finish(stopNow, o.until);
    o.log('kis serve: stopped');
  }
}
