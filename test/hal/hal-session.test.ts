// kis hal end to end: frames from a (socat) serial switch box go through the wiring and the durable queue into
// the twin over HTTPS — a confirmed 2-of-2 separation detaches the stage; a single bouncing switch does nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../hal/sources/serial/index.ts';
import { deriveWiring } from '../../hal/wiring/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { runHal } from '../../sim/run/hal-session.ts';
import { vehicleNodes } from '../../sim/run/vehicle-nodes.ts';
import { startTestTwin } from '../helpers/twin.ts';
import { PtyPair, SKIP_REASON, SOCAT, sleep, waitFor } from './sources/serial/pty-pair.ts';

if (!SOCAT) console.warn(`SKIPPED: kis hal serial test — ${SKIP_REASON}`);
const dir = mkdtempSync(join(tmpdir(), 'kis-hal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!SOCAT)('kis hal with a serial switch box', () => {
  it('detaches a stage on a confirmed separation, and ignores a lone bouncing switch', async () => {
    const profile = loadProfile('profiles/electron-small.yaml');
    const t = await startTestTwin({ nodes: vehicleNodes(profile) });
    const pty = new PtyPair();
    await pty.plug();
    let stop!: (v: string) => void;
    const until = new Promise<string>((r) => (stop = r));
    const log: string[] = [];
    const kubeconfig = join(dir, 'kc');
    writeFileSync(kubeconfig, t.twin.kubeconfig('admin'));
    const wiring = deriveWiring(profile, { arming: 'armed' });
    const plane = wiring.serial[0]!.planes.find((p) => p.stage === 'booster')!;
    const hal = runHal({ wiring, serial: [pty.a], kubeconfig, dryRun: false, queuePath: join(dir, 'queue.ndjson'), log: (l) => log.push(l), until });
    const boosterNodes = () => t.twin.store.list('nodes', undefined).items.filter((n) => n.metadata.labels?.['kis.dev/stage'] === 'booster').length;
    const beat = (seq: number) => pty.write(encodeFrame('HB', [seq]));
    try {
      await waitFor(() => log.some((l) => l.startsWith('kis hal: vehicle')), 'the bridge to start', 10_000);
      for (const s of plane.switches) pty.write(encodeFrame('SEP', [s, 0]));
      beat(1);
      await sleep(100);
      // A bounce on one switch, shorter than the 20 ms debounce: nothing.
      pty.write(encodeFrame('SEP', [plane.switches[0]!, 1]));
      pty.write(encodeFrame('SEP', [plane.switches[0]!, 0]));
      beat(2);
      await sleep(300);
      expect(boosterNodes()).toBe(2);
      // Both switches read separated: confirmed, the stage is detached.
      for (const s of plane.switches) pty.write(encodeFrame('SEP', [s, 1]));
      beat(3);
      await waitFor(() => boosterNodes() === 0, 'the booster nodes to be gone', 10_000);
      // The nodes go during the detach; its result is logged once the whole action returns.
      await waitFor(() => log.some((l) => /action \d+ detach-stage: applied/.test(l)), 'the detach to be reported applied', 10_000);
      expect(t.twin.store.list('nodes', undefined).items.length).toBe(vehicleNodes(profile).length - 2);
    } finally {
      stop('test over');
      expect(await hal).toBe(0);
      await pty.dispose();
      await t.stop();
    }
  }, 60_000);
});
