// Real kubectl drain against the living twin over HTTPS: a PodDisruptionBudget makes it wait, and it
// succeeds once the evicted pod's replacement is Ready elsewhere. The twin's clock runs 20× real time.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ScaledClock } from '../../../sim/core/index.ts';
import { resourceByKey, simulationControllers, startTwin } from '../../../sim/twin/index.ts';
import { eventually } from '../../helpers/twin.ts';
import { deployment, isReady, nodeOf, stageNodes } from './harness.ts';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
if (!KUBECTL) console.warn('SKIPPED: kubectl drain scenario — no kubectl at /usr/bin/kubectl');

describe.skipIf(!KUBECTL)('kubectl drain with a PodDisruptionBudget', () => {
  it('waits on 429 and completes once the replacement is Ready', async () => {
    const nodes = stageNodes({ s1: 2 });
    const twin = await startTwin({ clock: new ScaledClock(20), wallNow: new Date(), controllers: simulationControllers(nodes), config: { bootDelayMs: 1_000 } });
    const dir = mkdtempSync(join(tmpdir(), 'kis-drain-'));
    const kubeconfig = join(dir, 'kc');
    writeFileSync(kubeconfig, twin.kubeconfig('admin'));
    try {
      const reg = twin.registry;
      reg.create(resourceByKey('deployments.apps')!, 'default', deployment('gnc', 3));
      reg.create(resourceByKey('poddisruptionbudgets.policy')!, 'default', { metadata: { name: 'gnc' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'gnc' } } } });
      const pods = () => twin.store.list('pods', 'default').items.filter((p) => p.metadata.labels?.app === 'gnc');
      await eventually('3 ready pods and a settled PDB', () => {
        const pdb = twin.store.get('poddisruptionbudgets.policy', 'default', 'gnc');
        return pods().filter(isReady).length === 3 && (pdb?.status as { disruptionsAllowed?: number } | undefined)?.disruptionsAllowed === 1;
      }, 30_000);
      const counts = new Map<string, number>();
      for (const p of pods()) counts.set(nodeOf(p)!, (counts.get(nodeOf(p)!) ?? 0) + 1);
      const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      expect(counts.get(busiest)).toBe(2);

      const { stdout, stderr } = await promisify(execFile)(KUBECTL!, ['drain', busiest, '--ignore-daemonsets', '--timeout=120s'], {
        env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir }, timeout: 150_000,
      });
      expect(stderr).toMatch(/Cannot evict pod as it would violate the pod's disruption budget/);
      expect(stdout).toContain(`node/${busiest} drained`);
      const after = pods().filter((p) => !p.metadata.deletionTimestamp);
      expect(after.filter(isReady).length).toBeGreaterThanOrEqual(2);
      expect(after.every((p) => nodeOf(p) !== busiest)).toBe(true);
    } finally {
      await twin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
