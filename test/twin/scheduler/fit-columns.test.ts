// The fit columns the node walk reads must say, position for position, what the cache's NodeInfos say — through
// node adds, updates (taints, cordon, allocatable), removals, and pods bound, finished and deleted.
import { describe, expect, it } from 'vitest';
import { rfc3339Seconds } from '../../../sim/core/index.ts';
import { nodeObject } from '../../../sim/twin/nodes.ts';
import { SchedulerCache, SchedulingAlgorithm } from '../../../sim/twin/scheduler/index.ts';
import { SeededRandom } from '../../../sim/core/index.ts';
import { rawPod, SIM_START } from './fixtures.ts';

const node = (name: string, o: { cpu?: string; pods?: number; taint?: boolean; cordon?: boolean } = {}) => {
  const obj = nodeObject({ name, cpu: o.cpu ?? '4', memory: '8Gi', pods: o.pods ?? 10 }, 0, rfc3339Seconds(SIM_START));
  const spec: Record<string, unknown> = { ...(obj.spec as object) };
  if (o.taint) spec.taints = [{ key: 'kis.dev/power', value: 'degraded', effect: 'NoSchedule' }];
  if (o.cordon) spec.unschedulable = true;
  return { ...obj, spec };
};
const req = (cpu: string) => ({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu, memory: '100Mi' } } }] });

function expectColumnsMatch(cache: SchedulerCache): void {
  const { fit, nodeList } = cache;
  expect(fit.length).toBe(nodeList.length);
  nodeList.forEach((info, i) => {
    expect(info.slot).toBe(i);
    expect(fit.cpu[i]).toBe(info.allocatable.cpu - info.requested.cpu);
    expect(fit.memory[i]).toBe(info.allocatable.memory - info.requested.memory);
    expect(fit.pods[i]).toBe(info.allocatable.pods - info.pods.size);
    expect(fit.plain[i]).toBe(!info.unschedulable && info.taints.length === 0 ? 1 : 0);
  });
}

describe('scheduler fit columns', () => {
  it('follow every node and pod change, in walk order', () => {
    const cache = new SchedulerCache();
    const random = new SeededRandom(11);
    const rnd = (n: number) => random.int(0, n);
    const bound: string[] = [];
    let most = 0;
    for (let i = 0; i < 80; i++) cache.upsertNode(node(`n${i}`));
    // More than the columns' first capacity (64), so they grow too.
    for (let step = 0; step < 600; step++) {
      const name = `n${rnd(90)}`;
      switch (rnd(6)) {
        case 0:
          cache.removeNode(name);
          break;
        case 1:
          cache.upsertNode(node(name, { cpu: `${1 + rnd(8)}`, pods: 1 + rnd(12), taint: rnd(4) === 0, cordon: rnd(5) === 0 }));
          break;
        case 2:
        case 3: {
          const p = rawPod(`p${step}`, req(`${rnd(900)}m`));
          cache.upsertBoundPod({ ...p, nodeName: name });
          bound.push(p.key);
          break;
        }
        case 4:
          if (bound.length) cache.removeBoundPod(bound.splice(rnd(bound.length), 1)[0]!);
          break;
        default: {
          if (!bound.length) break;
          const key = bound[rnd(bound.length)]!;
          const old = cache.boundPod(key);
          if (old) cache.upsertBoundPod({ ...old, terminal: true });
        }
      }
      expectColumnsMatch(cache);
      most = Math.max(most, cache.nodeList.length);
    }
    expect(most).toBeGreaterThan(64);
    expect(cache.nodeList.length).toBeGreaterThan(0);
  });

  it('the walk picks only nodes the full filters accept, and starts inside a list that shrank', () => {
    const cache = new SchedulerCache();
    for (let i = 0; i < 300; i++) cache.upsertNode(node(`n${i}`, { cpu: i % 3 === 0 ? '1' : '4', taint: i % 7 === 0, cordon: i % 11 === 0 }));
    const algorithm = new SchedulingAlgorithm(cache, new SeededRandom(3));
    for (let i = 0; i < 200; i++) {
      const out = algorithm.schedule(rawPod(`p${i}`, req('1500m')));
      expect(out.kind).toBe('fit');
      if (out.kind !== 'fit') return;
      const info = out.node;
      expect(info.unschedulable || info.taints.length > 0 || info.allocatable.cpu < 1500).toBe(false);
      if (i === 100) for (let j = 150; j < 300; j++) cache.removeNode(`n${j}`);
    }
  });
});
