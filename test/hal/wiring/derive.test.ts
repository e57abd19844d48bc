// deriveWiring: the default wiring of the sample profiles' vehicles.
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../../sim/profile/index.ts';
import { decide, deriveWiring, INITIAL_STATE } from '../../../hal/wiring/index.ts';

describe('deriveWiring', () => {
  it('falcon9: a planned 2-of-2 plane for stage1, both buses, the link, convention topics', () => {
    const w = deriveWiring(loadProfile('profiles/falcon9-leo.yaml'));
    expect(w.vehicle).toBe('falcon9');
    expect(w.stages).toEqual(['stage1', 'stage2']);
    expect(w.arming).toBe('key');
    expect(w.serial).toEqual([{ box: 'box0', debounceMs: 20, heartbeatTimeoutMs: 1000, planes: [
      { plane: 'stage1', stage: 'stage1', switches: ['stage1-a', 'stage1-b'], policy: 'all', agreementWindowMs: 50, separation: 'planned' },
    ] }]);
    expect(w.power).toEqual([
      { bus: 's1-bus', brownoutMillivolts: 24_000, cutoffMillivolts: 20_000, hysteresisMillivolts: 500 },
      { bus: 's2-bus', brownoutMillivolts: 24_000, cutoffMillivolts: 20_000, hysteresisMillivolts: 800 },
    ]);
    expect(w.shedBelowPriority).toBe(1_000_000);
    expect(w.mqtt).toContainEqual({ topic: 'kis/falcon9/signal/power/s1-bus', signal: 'power', id: 's1-bus' });
    expect(w.mqtt).toContainEqual({ topic: 'kis/falcon9/signal/separation/stage1', signal: 'separation', id: 'stage1' });
    expect(w.links.map((l) => l.link)).toEqual(['s-band']);
  });

  it('electron: the booster separates unplanned', () => {
    const w = deriveWiring(loadProfile('profiles/electron-small.yaml'), { arming: 'armed' });
    expect(w.arming).toBe('armed');
    expect(w.serial[0]?.planes.map((p) => [p.plane, p.separation])).toEqual([['booster', 'unplanned']]);
    const d = decide({ type: 'separation', source: 'profile', t: 0, plane: 'booster', state: 'separated' }, INITIAL_STATE, w);
    expect(d.actions.map((a) => a.type)).toEqual(['emit-event', 'detach-stage']);
  });
});
