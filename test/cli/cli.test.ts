// The kis command line as a user runs it: help, bad flags, `kis twin` lifecycle, `kis validate`.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/twin.ts';

const KIS = join(import.meta.dirname, '../../sim/cli/kis.mjs');
const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'kis-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return kisWithEnv({}, ...args);
}

async function kisWithEnv(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [KIS, ...args], { timeout: 60_000, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('kis help and flags', () => {
  it('lists its commands', async () => {
    const r = await kis('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: kis <command>/);
    for (const c of ['start', 'run', 'twin', 'hal', 'validate', 'images', 'switchbox']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
  });

  it('refuses a bad KIS_HEAP_GROWING_PERCENT with exit 2, naming it, before doing anything', async () => {
    const r = await kisWithEnv({ KIS_HEAP_GROWING_PERCENT: 'lots' }, 'validate', 'profiles/falcon9-leo.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kis: KIS_HEAP_GROWING_PERCENT must be an integer percentage/);
    expect(r.stdout).toBe('');
    expect((await kisWithEnv({ KIS_HEAP_GROWING_PERCENT: '100' }, 'validate', 'profiles/falcon9-leo.yaml')).code).toBe(0);
  });

  it('explains each command', async () => {
    const r = await kis('twin', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--kubeconfig-out PATH');
    expect(r.stdout).toContain('--speed X');
  });

  it.each([
    [['rocket'], /unknown command "rocket"/],
    [['twin', '--port', 'abc'], /--port must be a whole number from 0 to 65535, got "abc"/],
    [['twin', '--speed', '0'], /--speed must be a number above 0/],
    [['twin', '--bogus'], /Unknown option '--bogus'/],
    [['twin', '--nodes', '2', '--profile', 'profiles/falcon9-leo.yaml'], /give --profile or --nodes, not both/],
    [['validate'], /name at least one profile/],
    [['hal', '--serial', '/dev/null'], /give exactly one of --wiring or --profile/],
    [['hal', '--profile', 'profiles/falcon9-leo.yaml'], /give at least one source/],
    [['run'], /name exactly one profile/],
  ])('exits 2 and says what was wrong: %j', async (args, message) => {
    const r = await kis(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('kis validate', () => {
  it('accepts every sample profile', async () => {
    const files = readdirSync('profiles').filter((f) => f.endsWith('.yaml')).map((f) => join('profiles', f));
    const r = await kis('validate', ...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(files.length);
  });

  it('lists every error of a bad profile as file:line:col and exits 2', async () => {
    const file = 'test/fixtures/profiles/bad-unknown-fields.yaml';
    const r = await kis('validate', file);
    expect(r.code).toBe(2);
    const want = readFileSync(file.replace(/\.yaml$/, '.errors.txt'), 'utf8').trim();
    expect(r.stderr.trim()).toBe(want);
    expect(want).toMatch(/^test\/fixtures\/profiles\/bad-unknown-fields\.yaml:\d+:\d+: /m);
  });
});

describe('kis start', () => {
  it('plays the Falcon 9-like profile on the twin and prints its report and what to try next', async () => {
    const r = await kis('start');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^falcon9-leo — embedded twin, seed \d+, \d+ s of mission time$/m);
    expect(r.stdout).toContain('all 6 expectations met');
    expect(r.stdout).toMatch(/journal and reports in runs\/falcon9-leo-seed\d+(-\d+)?\//);
    expect(r.stdout).toContain('kis twin --profile profiles/falcon9-leo.yaml');
  });
});

describe('kis images', () => {
  it('lists the images a profile needs, sorted and unique', async () => {
    const r = await kis('images', 'profiles/leo-passes.yaml');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    for (const l of lines) expect(l).toMatch(/^[a-z0-9.\-/]+(:[\w.\-]+)?(@sha256:[0-9a-f]+)?$/);
  });
});

describe('kis twin', () => {
  it('serves a profile vehicle, writes both kubeconfigs, and cleans up on SIGTERM', async () => {
    const out = join(dir, 'flight.kubeconfig');
    const child = spawn(process.execPath, [KIS, 'twin', '--profile', 'profiles/falcon9-leo.yaml', '--port', '0', '--kubeconfig-out', out]);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      await eventually('the twin banner', () => stdout.includes('Press Ctrl-C'), 30_000);
      expect(stdout).toContain(`export KUBECONFIG=${out}`);
      const viewer = join(dir, 'flight-viewer.kubeconfig');
      expect(existsSync(viewer)).toBe(true);
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(out);
      const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode();
      expect(nodes.items.length).toBeGreaterThan(2);
      expect(new Set(nodes.items.map((n) => n.metadata?.labels?.['kis.dev/stage'])).size).toBeGreaterThan(1);
      const vkc = new k8s.KubeConfig();
      vkc.loadFromFile(viewer);
      await expect(vkc.makeApiClient(k8s.CoreV1Api).deleteNode({ name: nodes.items[0]!.metadata!.name! })).rejects.toMatchObject({ code: 403 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopped (SIGTERM)');
    expect(existsSync(out)).toBe(false);
  });
});
