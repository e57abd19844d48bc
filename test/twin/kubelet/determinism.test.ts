// The same seed twice gives the same pod status changes and events; another seed gives other timings.
import { describe, expect, it } from 'vitest';
import { deleteObject } from '../../../sim/twin/api/index.ts';
import { kubeletSim } from './harness.ts';

async function scenario(seed: number): Promise<{ pods: string[]; events: string[] }> {
  const k = await kubeletSim([{ name: 'a' }, { name: 'b' }, { name: 'c' }], { seed });
  for (let i = 0; i < 12; i++) k.createPod(`p${i}`, ['a', 'b', 'c'][i % 3]!);
  await k.sim.advance(15_000);
  k.annotate('a', { 'sim.kis.dev/power': 'off' });
  k.annotate('b', { 'sim.kis.dev/fault': 'partition' });
  deleteObject(k.sim.registry, k.sim.res('pods'), 'default', 'p2');
  await k.sim.advance(60_000);
  k.annotate('a', { 'sim.kis.dev/power': 'on' });
  k.annotate('b', { 'sim.kis.dev/fault': undefined });
  await k.sim.advance(60_000);
  const out = { pods: [...k.podLog], events: k.events() };
  expect(k.sim.errors).toEqual([]);
  k.sim.stop();
  return out;
}

describe('determinism', () => {
  it('replays identically for one seed and differs for another', async () => {
    const first = await scenario(7);
    const again = await scenario(7);
    expect(again).toEqual(first);
    expect(first.pods.length).toBeGreaterThan(40);
    expect(first.events.some((e) => e.includes('Rebooted'))).toBe(true);
    const other = await scenario(8);
    expect(other.pods).not.toEqual(first.pods);
  });
});
