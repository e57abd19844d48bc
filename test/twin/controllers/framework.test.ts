// The controller framework: work queue semantics on a lockstep clock, event recording and aggregation.
import { describe, expect, it } from 'vitest';
import { WorkQueue, watchResource, keyOf, type Controller } from '../../../sim/twin/controllers/index.ts';
import { startSim } from '../../helpers/sim.ts';

describe('WorkQueue', () => {
  it('deduplicates, reprocesses a key re-added mid-flight, and holds the clock while busy', async () => {
    const sim = startSim();
    const seen: string[] = [];
    let readd = true;
    const q = new WorkQueue({
      name: 't', clock: sim.clock,
      process: (k) => {
        seen.push(k);
        if (k === 'a' && readd) {
          readd = false;
          q.add('a');
        }
      },
    });
    q.add('a');
    q.add('a');
    q.add('b');
    expect(sim.clock.holds().map((h) => h.reason)).toEqual(['workqueue:t']);
    await sim.clock.settle();
    expect(seen).toEqual(['a', 'b', 'a']);
    expect(sim.clock.holds()).toEqual([]);
    sim.stop();
  });

  it('retries a failing key with backoff on the clock', async () => {
    const sim = startSim();
    const at: number[] = [];
    const q = new WorkQueue({ name: 'r', clock: sim.clock, baseBackoffMs: 100, process: () => (at.push(sim.clock.now()), at.length >= 3) });
    q.add('x');
    await sim.advance(1_000);
    expect(at.map((t) => t - at[0]!)).toEqual([0, 100, 300]);
    sim.stop();
  });
});

describe('watchResource + events', () => {
  it('feeds a controller store changes and records aggregated Events', async () => {
    const keys: string[] = [];
    const factory = (ctx: Parameters<typeof watchResource>[0]): Controller => {
      let stop = () => undefined as void;
      return {
        name: 'probe',
        start: () => (stop = watchResource(ctx, 'configmaps', (ev) => keys.push(`${ev.type} ${keyOf(ev.object)}`), { replay: true })),
        stop: () => stop(),
      };
    };
    const sim = startSim({ controllers: [factory] });
    const cm = sim.registry.create(sim.res('configmaps'), 'default', { metadata: { name: 'x' } });
    sim.ctx.events.event(cm, 'Warning', 'PowerBrownout', 'bus A at 24.1 V', { component: 'kis-hal' });
    await sim.advance(2_000);
    sim.ctx.events.event(cm, 'Warning', 'PowerBrownout', 'bus A at 24.1 V', { component: 'kis-hal' });
    expect(keys).toEqual(['ADDED default/x']);
    const events = sim.list('events', 'default');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'PowerBrownout', count: 2, type: 'Warning', firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:02Z', involvedObject: { kind: 'ConfigMap', name: 'x' } });
    expect(events[0]!.metadata.name).toMatch(/^x\.[0-9a-f]+$/);
    expect(sim.errors).toEqual([]);
    sim.stop();
  });

  it('gives two events in the same millisecond distinct names', () => {
    const sim = startSim();
    const cm = sim.registry.create(sim.res('configmaps'), 'default', { metadata: { name: 'y' } });
    sim.ctx.events.event(cm, 'Normal', 'A', 'first', { component: 'c' });
    sim.ctx.events.event(cm, 'Normal', 'B', 'second', { component: 'c' });
    expect(new Set(sim.list('events', 'default').map((e) => e.metadata.name)).size).toBe(2);
    expect(sim.errors).toEqual([]);
    sim.stop();
  });
});
