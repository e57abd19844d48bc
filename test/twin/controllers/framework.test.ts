// The controller framework: work queue semantics on a lockstep clock, event recording and aggregation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../sim/core/index.ts';
import type { Registry } from '../../../sim/twin/api/index.ts';
import { RegistryEventRecorder } from '../../../sim/twin/controllers/index.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
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

  it('property: names carry the clock in hex nanoseconds, one more than the last when the clock has not moved past it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.nat(5_000)), { minLength: 1, maxLength: 60 }), (start, steps) => {
      let now = start;
      const clock = { now: () => now } as unknown as Clock;
      const names: string[] = [];
      const registry = { store: { get: () => undefined }, create: (_r: unknown, _ns: string, body: KubeObject) => void names.push(body.metadata.name ?? '') } as unknown as Registry;
      const recorder = new RegistryEventRecorder(registry, clock);
      // The reference: BigInt nanoseconds, as client-go's fmt.Sprintf("%v.%x", name, t.UnixNano()) with a +1 for ties.
      let last = -1n;
      const want: string[] = [];
      steps.forEach((step, i) => {
        now += step;
        const fromClock = BigInt(now) * 1_000_000n;
        last = fromClock > last ? fromClock : last + 1n;
        want.push(`o${i}.${last.toString(16)}`);
        recorder.event({ metadata: { name: `o${i}`, namespace: 'default', uid: `u${i}` } } as KubeObject, 'Normal', 'R', 'm', { component: 'c' });
      });
      expect(names).toEqual(want);
    }));
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
