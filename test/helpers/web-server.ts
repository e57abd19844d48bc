// End-to-end helpers for the web view: the app built once per state of web/, a journal from a lockstep run, and
// a live run served in-process as `kis run --serve` serves it (kis as a child process: test/cli/kis-process.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { JournalHeader, JournalRecord } from '../../hal/signals/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import type { LiveSink, RunControl } from '../../sim/run/live.ts';
import { runFlight, type RunOutcome } from '../../sim/run/runner.ts';
import { LiveHub, startWebServer, WEB_ROOT, type WebServer } from '../../sim/serve/index.ts';

const REPO = join(import.meta.dirname, '../..');
const VITE_CONFIG = join(REPO, 'vite.config.ts');

/** A fingerprint of web/'s sources (paths, sizes, mtimes): the build is reused while it holds. */
function sourceKey(dir = WEB_ROOT, hash = createHash('sha256')): string {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) sourceKey(path, hash);
    else if (e.isFile()) {
      const s = statSync(path);
      hash.update(`${relative(WEB_ROOT, path)}\0${s.size}\0${s.mtimeMs}\n`);
    }
  }
  return dir === WEB_ROOT ? hash.digest('hex').slice(0, 16) : '';
}

/**
 * The web app built from web/ into a directory of its own (never web/dist, which `kis serve` rebuilds and
 * other work may be reading), once per source state: every e2e file of a test run shares one build.
 */
export async function builtWebApp(): Promise<string> {
  const dir = join(tmpdir(), `kis-web-e2e-${sourceKey()}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const staging = `${dir}.${process.pid}`;
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, root: WEB_ROOT, logLevel: 'error', build: { outDir: staging, emptyOutDir: true } });
  try {
    renameSync(staging, dir);
  } catch {
    // Another test file built the same sources first: theirs is as good.
    rmSync(staging, { recursive: true, force: true });
  }
  removeOldBuilds(dir);
  return dir;
}

/** Builds of earlier sources, left by earlier test runs; an hour's grace for a run still using one. */
function removeOldBuilds(keep: string): void {
  const hourAgo = statSync(keep).mtimeMs - 3_600_000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('kis-web-e2e-') || path === keep) continue;
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already (another worker cleaned it).
    }
  }
}

/** Flies `profilePath` in lockstep into `outDir` and returns its journal's path (seconds, not minutes). */
export async function journalOfRun(profilePath: string, outDir: string, seed?: number): Promise<{ journal: string; outcome: RunOutcome }> {
  const profile = loadProfile(profilePath);
  mkdirSync(outDir, { recursive: true });
  const outcome = await runFlight({ profile, profilePath, outDir, seed: seed ?? profile.cluster.seed, mode: 'fast' });
  return { journal: join(outDir, 'journal.ndjson'), outcome };
}

export interface LiveRun {
  readonly server: WebServer;
  readonly hub: LiveHub;
  /** Every journal record so far, in order, as the hub received it. */
  readonly records: readonly JournalRecord[];
  readonly header: () => JournalHeader | undefined;
  /** The run's control once its cluster is up (kubeconfigs, namespace, inject). */
  readonly control: Promise<RunControl>;
  /** Settles when the run ends (stop() aborts it). */
  readonly outcome: Promise<RunOutcome>;
  stop(): Promise<void>;
}

/**
 * A profile flown on the twin on a scaled clock with the web view live beside it, wired as `kis run --serve`
 * wires it (sim/serve/live-view.ts): the journal into a LiveHub, the hub's injections into the run.
 */
export async function startLiveRun(o: { profilePath: string; outDir: string; webDir: string; speed: number; seed?: number }): Promise<LiveRun> {
  const profile = loadProfile(o.profilePath);
  mkdirSync(o.outDir, { recursive: true });
  const hub = new LiveHub('live');
  const server = await startWebServer({ hub, distDir: o.webDir });
  const records: JournalRecord[] = [];
  let header: JournalHeader | undefined;
  const tee: LiveSink = {
    header: (h) => ((header = h), hub.header(h)),
    record: (r, i) => (records.push(r), hub.record(r, i)),
    end: (n) => hub.end(n),
  };
  const abort = new AbortController();
  let started: (c: RunControl) => void = () => undefined;
  const control = new Promise<RunControl>((resolve) => (started = resolve));
  const outcome = runFlight({
    profile, profilePath: o.profilePath, outDir: o.outDir, seed: o.seed ?? profile.cluster.seed,
    mode: 'speed', speed: o.speed, signal: abort.signal, live: tee,
    onStarted: (run) => {
      hub.injector = run.inject;
      started(run);
    },
  });
  // Handled here so a run that fails before a test awaits it is reported by the test, not as unhandled.
  outcome.catch(() => undefined);
  return {
    server, hub, records, header: () => header, control, outcome,
    async stop() {
      abort.abort();
      await outcome.catch(() => undefined);
      await server.close();
    },
  };
}
