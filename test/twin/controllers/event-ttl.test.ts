// --event-ttl: Events go an hour (plus the lease-reuse window) after their last write, in lease batches.
import { describe, expect, it } from 'vitest';
import { eventTtlController } from '../../../sim/twin/controllers/event-ttl.ts';
import { startSim } from '../../helpers/sim.ts';

const HOUR = 3_600_000;
const REUSE = HOUR * 0.05;

describe('event TTL', () => {
  it('deletes an Event one TTL (plus the lease window) after its last write, and a repeat renews it', async () => {
    const sim = startSim({ controllers: [eventTtlController] });
    const cm = sim.registry.create(sim.res('configmaps'), 'default', { metadata: { name: 'x' } });
    sim.ctx.events.event(cm, 'Normal', 'Once', 'said once', { component: 'test' });
    sim.ctx.events.event(cm, 'Normal', 'Twice', 'said twice', { component: 'test' });
    await sim.advance(HOUR / 2);
    sim.ctx.events.event(cm, 'Normal', 'Twice', 'said twice', { component: 'test' });
    const reasons = () => sim.list('events', 'default').map((e) => (e as { reason?: string }).reason).sort();
    await sim.advance(HOUR / 2 + REUSE - 1);
    expect(reasons()).toEqual(['Once', 'Twice']);
    await sim.advance(1);
    expect(reasons()).toEqual(['Twice']);
    await sim.advance(HOUR / 2);
    expect(reasons()).toEqual([]);
    expect(sim.errors).toEqual([]);
    sim.stop();
  });

  it.each([
    ['TTL 0 keeps Events forever', 0, 1],
    ['a 1-minute TTL', 60_000, 0],
  ])('%s', async (_, eventTtlMs, left) => {
    const sim = startSim({ controllers: [eventTtlController], config: { eventTtlMs } });
    const cm = sim.registry.create(sim.res('configmaps'), 'default', { metadata: { name: 'y' } });
    sim.ctx.events.event(cm, 'Warning', 'W', 'm', { component: 'test' });
    await sim.advance(2 * HOUR);
    expect(sim.list('events', 'default')).toHaveLength(left);
    sim.stop();
  });
});
