// The Cluster contract: what every implementation of the facade must do. Run by cluster.test.ts
// against KubeCluster on the twin over HTTPS; any other implementation (a recording fake, a
// direct-registry one) runs the same suite.
import { beforeAll, describe, expect, it } from 'vitest';
import { TAINT_OUT_OF_SERVICE, TAINT_POWER_DEGRADED } from '../../../hal/signals/index.ts';
import { ClusterError, type Cluster } from '../../../hal/cluster/index.ts';
import type { Seeder } from './seed.ts';

export interface ContractFixture {
  cluster: Cluster;
  seed: Seeder;
}

export function runClusterContract(name: string, setup: () => Promise<ContractFixture>): void {
  describe(`Cluster contract: ${name}`, () => {
    let c: Cluster;
    let seed: Seeder;
    beforeAll(async () => {
      ({ cluster: c, seed } = await setup());
      await seed.namespace('contract');
      await seed.runningPod('contract', 'p1', 's2-a', { app: 'x' });
      await seed.runningPod('contract', 'p2', 's2-a', { app: 'y' });
      await seed.pdb('contract', 'y-pdb', { app: 'y' }, 0);
      await seed.deployment('contract', 'gnc', 2);
    });

    it('lists nodes, all or by selector, with labels', async () => {
      expect((await c.listNodes()).length).toBeGreaterThanOrEqual(6);
      const ours = await c.listNodes('kis.dev/vehicle=falcon9,kis.dev/stage=stage1');
      expect(ours.map((n) => n.name).sort()).toEqual(['s1-a', 's1-b']);
      expect(ours[0]?.labels['kis.dev/power-bus']).toBe('s1-bus');
    });

    it('gets a node, or undefined when there is none', async () => {
      expect((await c.getNode('s2-b'))?.uid).toMatch(/.+/);
      expect(await c.getNode('nope')).toBeUndefined();
    });

    it('cordons idempotently', async () => {
      await c.cordon('s2-b');
      await c.cordon('s2-b');
      expect((await c.getNode('s2-b'))?.unschedulable).toBe(true);
    });

    it('adds and removes taints idempotently, keeping other taints', async () => {
      await c.setTaint('s2-b', TAINT_POWER_DEGRADED, true);
      await c.setTaint('s2-b', TAINT_POWER_DEGRADED, true);
      await c.setTaint('s2-b', TAINT_OUT_OF_SERVICE, true);
      let n = await c.getNode('s2-b');
      expect(n?.taints.filter((t) => t.key === TAINT_POWER_DEGRADED.key)).toEqual([TAINT_POWER_DEGRADED]);
      await c.setTaint('s2-b', TAINT_POWER_DEGRADED, false);
      await c.setTaint('s2-b', TAINT_POWER_DEGRADED, false);
      n = await c.getNode('s2-b');
      expect(n?.taints).toEqual([TAINT_OUT_OF_SERVICE]);
      await c.setTaint('s2-b', TAINT_OUT_OF_SERVICE, false);
    });

    it('annotates and labels, null removing a key', async () => {
      await c.annotate('s2-b', { 'sim.kis.dev/power': 'off', 'x.test/y': 'z' });
      await c.annotate('s2-b', { 'x.test/y': null });
      await c.label('s2-b', { 'x.test/l': 'v' });
      const n = await c.getNode('s2-b');
      expect(n?.annotations['sim.kis.dev/power']).toBe('off');
      expect(n?.annotations['x.test/y']).toBeUndefined();
      expect(n?.labels['x.test/l']).toBe('v');
    });

    it('lists the pods of a node with priority and terminating flags', async () => {
      const pods = await c.podsOnNode('s2-a');
      expect(pods.map((p) => p.name).sort()).toEqual(['p1', 'p2']);
      expect(pods.every((p) => p.priority === 0 && !p.terminating)).toBe(true);
    });

    it('evicts; a PDB that forbids it is a retryable 429; a pod gone is "gone"', async () => {
      expect(await c.evict('contract', 'p1')).toBe('evicted');
      const err = await c.evict('contract', 'p2').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClusterError);
      expect((err as ClusterError).code).toBe(429);
      expect((err as ClusterError).retryable).toBe(true);
      expect(await c.evict('contract', 'nope')).toBe('gone');
    });

    it('posts an Event on a Node once, whatever the number of posts', async () => {
      const ev = { name: 's2-b.contract1', node: 's2-b', reason: 'PowerBrownout', type: 'Warning' as const, message: 'bus at 23 V', at: Date.UTC(2030, 0, 1) };
      await c.postNodeEvent(ev);
      await c.postNodeEvent(ev);
      const evs = (await c.nodeEvents('s2-b')).filter((e) => e.name === ev.name);
      expect(evs).toEqual([{ name: ev.name, node: 's2-b', reason: 'PowerBrownout', type: 'Warning', message: 'bus at 23 V' }]);
    });

    it('scales and sets an image; an unknown container is a clear error', async () => {
      await c.scaleDeployment('contract', 'gnc', 5);
      await c.setDeploymentImage('contract', 'gnc', 'side', 'side:2');
      await c.setDeploymentImage('contract', 'gnc', undefined, 'app:2');
      const d = await seed.apps.readNamespacedDeployment({ name: 'gnc', namespace: 'contract' });
      expect(d.spec?.replicas).toBe(5);
      expect(d.spec?.template.spec?.containers.map((x) => x.image)).toEqual(['app:2', 'side:2']);
      await expect(c.setDeploymentImage('contract', 'gnc', 'nope', 'x:1')).rejects.toThrow(/no container nope; it has main, side/);
    });

    it('deletes a node; deleting it again is success', async () => {
      await c.deleteNode('plain-1');
      await c.deleteNode('plain-1');
      expect(await c.getNode('plain-1')).toBeUndefined();
    });
  });
}
