// WorkQueue coalescing: a key runs at most once per coalesceMs of clock time; adds in between are batched.
import { expect, it } from 'vitest';
import { WorkQueue } from '../../../sim/twin/controllers/index.ts';
import { SIM_START, startSim } from '../../helpers/sim.ts';

it('runs a key at most once per coalesceMs, batching the adds in between', async () => {
  const sim = startSim();
  const runs: number[] = [];
  const q = new WorkQueue({ name: 'c', clock: sim.clock, coalesceMs: 100, process: () => void runs.push(sim.clock.now() - SIM_START) });
  q.add('rs');
  await sim.clock.settle();
  for (let t = 10; t <= 250; t += 10) {
    sim.clock.setTimeout(() => q.add('rs'), t);
  }
  await sim.advance(1_000);
  expect(runs).toEqual([0, 100, 200, 300]);
  sim.stop();
});
