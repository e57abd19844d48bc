// The mission runner end to end: golden journals of the sample profiles (UPDATE_GOLDEN=1 regenerates),
// reproducibility, a design that must fail, bad input, Ctrl-C, and the real-cluster path over a kubeconfig.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../hal/signals/index.ts';
import { RealClock } from '../../sim/core/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { runFlight, type RunOptions } from '../../sim/run/runner.ts';
import { vehicleNodes } from '../../sim/run/vehicle-nodes.ts';
import { simulationControllers, startTwin } from '../../sim/twin/index.ts';
import { eventually } from '../helpers/twin.ts';
import { KIS, kis as kisWith } from '../cli/kis-process.ts';

const kis = (args: string[], timeout = 120_000) => kisWith(args, timeout);

const dir = mkdtempSync(join(tmpdir(), 'kis-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const out = () => join(dir, `run-${++n}`);

async function runProfile(path: string, seed?: number, extra: Partial<RunOptions> = {}) {
  const profile = loadProfile(path);
  const outDir = out();
  mkdirSync(outDir);
  const outcome = await runFlight({ profile, profilePath: path, outDir, seed: seed ?? profile.cluster.seed, mode: 'fast', ...extra });
  return { outcome, journal: readFileSync(join(outDir, 'journal.ndjson'), 'utf8'), outDir };
}

describe('golden journals of the sample profiles (lockstep)', () => {
  it.each(['falcon9-leo', 'electron-small', 'station-outage', 'leo-passes'])('%s', async (name) => {
    const { outcome, journal, outDir } = await runProfile(`profiles/${name}.yaml`);
    expect(outcome.aborted).toBeUndefined();
    expect(outcome.results.filter((r) => r.status === 'fail').map((r) => r.name)).toEqual([]);
    const golden = `test/fixtures/golden/${name}.journal.ndjson`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, journal);
    expect(existsSync(golden), `${golden} missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(journal === readFileSync(golden, 'utf8'), `journal differs from ${golden} (UPDATE_GOLDEN=1 regenerates)`).toBe(true);
    const parsed = parseJournal(journal);
    expect(parsed.header).toMatchObject({ format: 'kis-journal', version: 1, profile: name, clock: 'lockstep' });
    // The web view's additions: the layout, node stages, and one verdict per expectation closing the journal.
    expect(parsed.header.layout?.stages.length).toBeGreaterThan(0);
    const verdicts = parsed.records.filter((r) => r.kind === 'expect');
    expect(verdicts.map((r) => r.name)).toEqual(outcome.results.map((r) => r.name));
    expect(parsed.records.slice(-verdicts.length).every((r) => r.kind === 'expect')).toBe(true);
    const node = parsed.records.find((r) => r.kind === 'cluster' && r.resource === 'nodes');
    expect(node?.kind === 'cluster' && node.data).toHaveProperty('stage');
    expect(parsed.records.some((r) => r.kind === 'cluster' && r.resource === 'events')).toBe(true);
    for (const f of ['report.json', 'junit.xml', 'summary.txt']) expect(existsSync(join(outDir, f))).toBe(true);
  }, 120_000);
});

describe('a live view changes nothing in the journal', () => {
  // With a live view every instant is flushed by a timer as it ends and telemetry rides clock timers; without one,
  // the next instant flushes and telemetry-only instants are no clock instants at all (records-ahead.ts).
  it('falcon9-leo watched live: the golden journal, and the sink saw every record in order', async () => {
    const seen: string[] = [];
    const live = { header: () => undefined, record: (r: unknown, i: number) => seen.push(`${i}:${JSON.stringify(r)}`), end: () => undefined };
    const { journal } = await runProfile('profiles/falcon9-leo.yaml', undefined, { live });
    expect(journal === readFileSync('test/fixtures/golden/falcon9-leo.journal.ndjson', 'utf8'), 'journal differs from the golden one').toBe(true);
    const lines = journal.trim().split('\n').slice(1);
    expect(seen).toHaveLength(lines.length);
    expect(seen.map((x) => JSON.parse(x.slice(x.indexOf(':') + 1)))).toEqual(lines.map((l) => JSON.parse(l)));
  }, 120_000);
});

describe('reproducibility', () => {
  it('gives a byte-identical journal for the same seed and a different one for another', async () => {
    const a = await runProfile('test/fixtures/profiles/run-tiny-ok.yaml', 5);
    const b = await runProfile('test/fixtures/profiles/run-tiny-ok.yaml', 5);
    const c = await runProfile('test/fixtures/profiles/run-tiny-ok.yaml', 6);
    expect(b.journal).toBe(a.journal);
    expect(c.journal).not.toBe(a.journal);
  });
});

describe('kis run from the command line', () => {
  it('exits 1 and names the expectation a weak design fails', async () => {
    const o = out();
    const r = await kis(['run', 'test/fixtures/profiles/run-single-critical.yaml', '--out', o, '--junit', join(dir, 'junit.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL\s+guidance always ready\s+0 ready \(needs 1\)\s+T\+20s$/m);
    expect(r.stdout).toContain('1 of 2 expectations FAILED');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('<failure type="minReady"');
    expect(JSON.parse(readFileSync(join(o, 'report.json'), 'utf8')).results[0]).toMatchObject({ name: 'guidance always ready', status: 'fail', at: 20_000 });
  });

  it('exits 0 with every expectation met, and --json prints the report', async () => {
    const r = await kis(['run', 'test/fixtures/profiles/run-tiny-ok.yaml', '--out', out(), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.every((x: { status: string }) => x.status === 'pass')).toBe(true);
  });

  it('exits 2 for a bad profile (every error listed), bad flags, and an existing run directory', async () => {
    const bad = await kis(['run', 'test/fixtures/profiles/bad-references.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^test\/fixtures\/profiles\/bad-references\.yaml:\d+:\d+: /m);
    expect((await kis(['run', 'profiles/falcon9-leo.yaml', '--fast', '--realtime'])).code).toBe(2);
    const taken = out();
    mkdirSync(taken);
    writeFileSync(join(taken, 'journal.ndjson'), 'precious');
    const again = await kis(['run', 'test/fixtures/profiles/run-tiny-ok.yaml', '--out', taken]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists and is not empty');
    expect(readFileSync(join(taken, 'journal.ndjson'), 'utf8')).toBe('precious');
  });

  it('exits 2 when the cluster cannot be reached, saying what was tried', async () => {
    const kc = join(dir, 'nowhere.kubeconfig');
    writeFileSync(kc, `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`);
    const r = await kis(['run', 'test/fixtures/profiles/run-tiny-realtime.yaml', '--kubeconfig', kc, '--out', out()]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/127\.0\.0\.1:1/);
  });

  it('on Ctrl-C keeps a complete, parseable journal and reports the run aborted', async () => {
    const o = out();
    const child = spawn(process.execPath, [KIS, 'run', 'test/fixtures/profiles/run-tiny-ok.yaml', '--realtime', '--out', o]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    await eventually('the mission to start', () => existsSync(join(o, 'actions.ndjson')), 60_000);
    child.kill('SIGINT');
    expect(await code).toBe(1);
    const journal = parseJournal(readFileSync(join(o, 'journal.ndjson'), 'utf8'));
    expect(journal.records.length).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(o, 'report.json'), 'utf8'));
    expect(report.aborted).toMatch(/^interrupted at T/);
    expect(readFileSync(join(o, 'junit.xml'), 'utf8')).toContain('<error type="aborted"');
  }, 90_000);
});

describe('the real-cluster path', () => {
  it('runs in real time through a kubeconfig, in a namespace of its own that it removes', async () => {
    const profile = loadProfile('test/fixtures/profiles/run-tiny-realtime.yaml');
    const nodes = vehicleNodes(profile);
    const twin = await startTwin({ clock: new RealClock(), wallNow: new Date(), nodes, controllers: simulationControllers(nodes), config: { bootDelayMs: 500, podStartDelay: { imagePullMs: 0, startMs: 200, readinessMs: 200, jitterMs: 100 } } });
    try {
      const kc = join(dir, 'lab.kubeconfig');
      writeFileSync(kc, twin.kubeconfig('admin'));
      const o = out();
      const r = await kis(['run', 'test/fixtures/profiles/run-tiny-realtime.yaml', '--kubeconfig', kc, '--out', o], 120_000);
      expect(r.stderr).toContain('on the cluster in');
      expect(r.code).toBe(0);
      const journal = parseJournal(readFileSync(join(o, 'journal.ndjson'), 'utf8'));
      expect(journal.header).toMatchObject({ clock: 'realtime' });
      expect(journal.records.some((x) => x.kind === 'action' && x.status === 'applied' && x.action.type === 'detach-stage')).toBe(true);
      const client = new k8s.KubeConfig();
      client.loadFromString(twin.kubeconfig('admin'));
      const core = client.makeApiClient(k8s.CoreV1Api);
      await eventually('the run namespace to be gone', async () => {
        try {
          const ns = await core.readNamespace({ name: journal.header.namespace as string });
          return ns.metadata?.deletionTimestamp !== undefined && ns.metadata?.deletionTimestamp !== null;
        } catch {
          return true;
        }
      }, 30_000);
    } finally {
      await twin.close();
    }
  }, 150_000);
});
