// `kis hal` flags as a user types them: --broker and its options, exclusive with --mqtt; and a real run
// with the embedded broker that prints where devices connect and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../sim/cli/main.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { vehicleNodes } from '../../sim/run/vehicle-nodes.ts';
import { startTestTwin } from '../helpers/twin.ts';
import { waitFor } from '../hal/sources/serial/pty-pair.ts';

const KIS = join(import.meta.dirname, '../../sim/cli/kis.mjs');
const dir = mkdtempSync(join(tmpdir(), 'kis-cli-hal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const P = 'profiles/electron-small.yaml';

/** Runs main() in-process — the same entry as the binary — and collects what it prints. */
async function kisInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('kis hal --broker flags', () => {
  const users = join(dir, 'users.yaml');
  writeFileSync(users, 'h: { password: x, role: hal }\n');

  it.each([
    [['hal', '--profile', P, '--broker', '--mqtt', 'mqtt://x:1883'], /give --mqtt URL \(an external broker\) or --broker \(the embedded one\), not both/],
    [['hal', '--profile', P, '--broker-port', '1884'], /--broker-port needs --broker/],
    [['hal', '--profile', P, '--mqtt', 'mqtt://x', '--broker-users', 'u.yaml'], /--broker-users needs --broker/],
    [['hal', '--profile', P, '--broker', '--broker-port', 'x'], /--broker-port must be a whole number from 0 to 65535/],
    [['hal', '--profile', P, '--broker', '--broker-port', '1900', '--broker-ws-port', '1900'], /must differ/],
    [['hal', '--profile', P, '--broker', '--broker-users', join(dir, 'missing.yaml')], /missing\.yaml: cannot read the broker users file/],
    [['hal', '--profile', P, '--broker', '--broker-users', users], /user "h": role must be device or viewer/],
    [['hal', '--profile', P], /give at least one source: --serial PATH, --mqtt URL or --broker/],
  ])('exits 2 and says what was wrong: %j', async (args, message) => {
    // In-process: one spawn per case would cost seconds each on a loaded machine.
    const r = await kisInProcess(args);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('documents --broker in its help', async () => {
    const r = await kisInProcess(['hal', '--help']);
    expect(r.code).toBe(0);
    for (const f of ['--broker ', '--broker-port N', '--broker-ws-port N', '--broker-users FILE', '--broker-host H']) expect(r.out).toContain(f);
  });
});

describe('kis hal --broker on the twin', () => {
  it('prints where devices connect and generated credentials, then stops on SIGTERM with exit 0', async () => {
    const profile = loadProfile(P);
    const t = await startTestTwin({ nodes: vehicleNodes(profile) });
    const child = spawn(process.execPath, [KIS, 'hal', '--profile', P, '--broker', '--broker-port', '0', '--broker-ws-port', '0',
      '--kubeconfig', t.adminPath, '--queue', join(dir, 'q.ndjson')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    try {
      await waitFor(() => out.includes('kis hal: vehicle'), `kis hal to start; output so far:\n${out}`, 30_000);
      expect(out).toMatch(/broker: devices connect to mqtt:\/\/127\.0\.0\.1:\d+ or ws:\/\/127\.0\.0\.1:\d+\/mqtt/);
      expect(out).toMatch(/^ {2}booster-bus +\S{24} +publishes kis\/electron\/signal\/\+\/booster-bus$/m);
      expect(out).toMatch(/^ {2}viewer +\S{24} +reads kis\/electron\/state\/#, kis\/electron\/events, kis\/electron\/alerts$/m);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await t.stop();
    }
    expect(out).toMatch(/kis hal: stopped \(SIGTERM\)/);
  }, 60_000);
});
