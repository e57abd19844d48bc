// `kis run <profile>`: play a flight profile against a cluster and judge it. Exit 0 every expectation met,
// 1 one failed (or the run was interrupted), 2 bad input (profile, flags, unreachable cluster, existing --out).
import { loadProfile, ProfileLoadError, formatErrors } from '../../profile/index.ts';
import { defaultCacheDir } from '../../run/pki-cache.ts';
import { prepareRunDir, RunDirError } from '../../run/run-dir.ts';
import { runFlight, type RunMode } from '../../run/runner.ts';
import { startLiveView, type LiveView } from '../../serve/live-view.ts';
import { ViewError } from '../../serve/view.ts';
import { intFlag, numberFlag, UsageError, type Command } from '../command.ts';

export const runCommand: Command = {
  name: 'run',
  summary: 'Play a flight profile against the embedded twin (or a lab cluster), judge its expectations, write the journal and reports',
  usage: 'kis run <profile> [--fast | --speed N | --realtime] [--seed N] [--kubeconfig P] [--context C] [--out DIR] [--junit FILE] [--json] [--keep] [--serve [--port N] [--host H]]',
  details: [
    'On the embedded twin the run is lockstep (--fast, the default): virtual time jumps ahead whenever the',
    'cluster is idle, so a ten-minute ascent takes seconds, and the same profile and seed give the same journal.',
    'With --kubeconfig it runs in real time against that cluster, in a namespace of its own that it removes',
    'at the end (unless --keep). Output: DIR/journal.ndjson, report.json, junit.xml, summary.txt.',
    '--serve opens the web view while it runs (an instructor URL with a token is printed: injected faults go',
    'through the same wiring) and keeps serving the finished journal until Ctrl-C; with lockstep the mission',
    'is over in seconds, so watch with --speed 1 or --realtime.',
    'Exit status: 0 every expectation met, 1 one failed or the run was interrupted, 2 bad input.',
  ].join('\n'),
  options: {
    fast: { type: 'boolean', description: 'lockstep virtual time (the default on the twin)' },
    speed: { type: 'string', description: 'run the clock N times faster than real time', valueName: 'N' },
    realtime: { type: 'boolean', description: 'real time (always, against a real cluster)' },
    seed: { type: 'string', description: "random seed (default: the profile's cluster.seed)", valueName: 'N' },
    kubeconfig: { type: 'string', description: 'run against this cluster instead of the embedded twin', valueName: 'P' },
    context: { type: 'string', description: 'kubeconfig context to use', valueName: 'C' },
    out: { type: 'string', description: 'output directory (must not exist or be empty; default runs/<profile>-seed<N>[-n])', valueName: 'DIR' },
    junit: { type: 'string', description: 'also write the JUnit XML here (for CI)', valueName: 'FILE' },
    json: { type: 'boolean', description: 'print report.json instead of the summary' },
    keep: { type: 'boolean', description: "keep the run's namespace on a real cluster" },
    serve: { type: 'boolean', description: 'the web view, live while the run flies, then on the finished journal until Ctrl-C' },
    port: { type: 'string', description: 'with --serve: port of the web view (default 8080; 0 picks a free one)', valueName: 'N' },
    host: { type: 'string', description: 'with --serve: address to bind (default 127.0.0.1)', valueName: 'H' },
    web: { type: 'string', description: 'with --serve: serve this built web app instead of web/dist', valueName: 'DIR' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one profile to run');
    const modes = [values.fast, values.speed !== undefined, values.realtime].filter(Boolean).length;
    if (modes > 1) throw new UsageError('choose one of --fast, --speed N, --realtime');
    const speed = numberFlag(values.speed, 'speed', { min: 0, exclusiveMin: true, max: 100_000 });
    const kubeconfig = values.kubeconfig as string | undefined;
    if (values.fast && kubeconfig) throw new UsageError('--fast (lockstep) needs the embedded twin; a real cluster runs in real time');
    const mode: RunMode = speed !== undefined ? 'speed' : values.realtime || kubeconfig ? 'realtime' : 'fast';
    let profile;
    try {
      profile = loadProfile(positionals[0]!);
    } catch (e) {
      if (!(e instanceof ProfileLoadError)) throw e;
      console.error(formatErrors(e.errors));
      return 2;
    }
    const seed = intFlag(values.seed, 'seed', { min: 0, max: 2 ** 31 - 1 }) ?? profile.cluster.seed;
    const port = intFlag(values.port, 'port', { min: 0, max: 65535 });
    if (!values.serve && (port !== undefined || values.host !== undefined || values.web !== undefined)) throw new UsageError('--port, --host and --web go with --serve');
    let outDir: string;
    try {
      outDir = prepareRunDir(values.out as string | undefined, profile.metadata.name, seed);
    } catch (e) {
      if (e instanceof RunDirError) {
        console.error(`kis run: ${e.message}`);
        return 2;
      }
      throw e;
    }
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let view: LiveView | undefined;
    if (values.serve) {
      try {
        view = await startLiveView({
          port: port ?? 8080,
          ...(values.host !== undefined ? { host: values.host as string } : {}),
          ...(values.web !== undefined ? { webDir: values.web as string } : {}),
          log: (l) => console.error(l),
        });
      } catch (e) {
        if (!(e instanceof ViewError)) throw e;
        console.error(`kis run: ${e.message}`);
        return 2;
      }
    }
    // With the view open the status line would scroll its addresses away.
    const tty = process.stderr.isTTY && !view;
    // Stays true when the run throws: nothing worth serving then.
    let stopNow = true;
    try {
      const outcome = await runFlight({
        ...view?.runOptions,
        profile, profilePath: positionals[0]!, outDir, seed, mode,
        ...(speed !== undefined ? { speed } : {}),
        ...(kubeconfig ? { kubeconfig } : {}),
        ...(values.context ? { context: values.context as string } : {}),
        ...(values.junit ? { junit: values.junit as string } : {}),
        ...(values.keep ? { keep: true } : {}),
        ...(tty ? { progress: (l: string) => process.stderr.write(`\r\x1b[K${l}`) } : {}),
        log: (l) => console.error(l),
        signal: abort.signal,
        pkiCacheDir: defaultCacheDir(),
      });
      if (tty) process.stderr.write('\r\x1b[K');
      if (values.json) console.log(JSON.stringify({ outDir, aborted: outcome.aborted ?? null, results: outcome.results }, null, 2));
      else {
        console.log(outcome.summary);
        console.log(`\n${outcome.missionSeconds.toFixed(0)} s of mission time in ${outcome.wallSeconds.toFixed(1)} s; journal and reports in ${outDir}/`);
      }
      stopNow = abort.signal.aborted;
      if (outcome.aborted?.startsWith('failed: ') && /ECONNREFUSED|ENOTFOUND|unreachable|cannot reach/i.test(outcome.aborted)) return 2;
      return outcome.aborted || outcome.results.some((r) => r.status === 'fail') ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // Ctrl-C during the run stops everything; otherwise the finished journal stays on view until Ctrl-C.
      await view?.finish(stopNow || abort.signal.aborted);
    }
  },
};
