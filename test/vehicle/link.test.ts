// Radio links: ground-station windows, scripted linkDown / linkUp, handovers and the initial state.
import { describe, expect, it } from 'vitest';
import { linkModel } from '../../sim/vehicle/index.ts';
import { sample, tinyProfile } from './helpers.ts';

const trace = (events: readonly { tMs: number; up: boolean; latencyMs?: number; cause: string }[]): unknown[] =>
  events.map((e) => [e.tMs / 1000, e.up ? (e.latencyMs ?? 'up') : 'down', e.cause]);

describe('linkModel', () => {
  it('a link without ground stations is up until a linkDown, then follows the script', () => {
    const m = linkModel(sample('station-outage'));
    expect(trace(m.events)).toEqual([[600, 'down', 'script'], [1560, 600, 'script']]);
    const l = m.link('ku-band')!;
    expect(l.stateAt(0)).toMatchObject({ up: true, latencyMs: 600 });
    expect(l.stateAt(600_000).up).toBe(false);
    expect(l.stateAt(1_559_999).up).toBe(false);
    expect(l.stateAt(1_560_000).up).toBe(true);
  });

  it('the falcon sample: cape in view from the start, the scripted gap, bermuda after', () => {
    const l = linkModel(sample('falcon9-leo')).link('s-band')!;
    expect(l.stateAt(-10_000)).toMatchObject({ up: true, latencyMs: 30, station: 'cape' });
    // bermuda rises at T+5m but cape (30 ms) still serves: no handover while the better station is in view.
    expect(l.stateAt(400_000)).toMatchObject({ up: true, latencyMs: 30, station: 'cape' });
    expect(l.stateAt(420_000).up).toBe(false);
    expect(l.stateAt(510_000)).toMatchObject({ up: true, latencyMs: 45, station: 'bermuda' });
  });

  it.each([
    // windows of one station, scripted entries, expected changes [s, latency|down, cause]
    ['a pass alone', [[60, 120]], [], [[0, 'down', 'initial'], [60, 50, 'window'], [120, 'down', 'window']]],
    ['a scripted drop inside a pass lasts until the next pass opens', [[60, 120], [200, 260]], ['  - { at: T+90s, event: linkDown, link: radio }'],
      [[0, 'down', 'initial'], [60, 50, 'window'], [90, 'down', 'script'], [200, 50, 'window'], [260, 'down', 'window']]],
    ['a scripted linkUp outside every window holds until the next loss of signal', [[200, 260]], ['  - { at: T+100s, event: linkUp, link: radio, latencyMs: 700 }'],
      [[0, 'down', 'initial'], [100, 700, 'script'], [200, 50, 'window'], [260, 'down', 'window']]],
    ['a window edge and a script at the same time give one change, the script', [[60, 120]], ['  - { at: T+120s, event: linkDown, link: radio }'],
      [[0, 'down', 'initial'], [60, 50, 'window'], [120, 'down', 'script']]],
  ] as const)('%s', (_name, windows, timeline, expected) => {
    const ws = windows.map(([a, b]) => `{ from: T+${a}s, to: T+${b}s }`).join(', ');
    const p = tinyProfile({
      links: `    - { name: radio, groundStations: [{ name: gs, windows: [${ws}] }] }`,
      ...(timeline.length > 0 ? { timeline: timeline.join('\n') } : {}),
    });
    expect(trace(linkModel(p).events)).toEqual(expected);
  });

  it('hands over to a lower-latency station as it rises, and back when it sets', () => {
    const p = tinyProfile({
      links: '    - { name: radio, groundStations: [{ name: far, latencyMs: 90, windows: [{ from: T+0, to: T+10m }] }, { name: near, latencyMs: 20, windows: [{ from: T+2m, to: T+4m }] }] }',
    });
    const m = linkModel(p);
    expect(trace(m.events)).toEqual([[120, 20, 'window'], [240, 90, 'window'], [600, 'down', 'window']]);
    expect(m.link('radio')!.stateAt(130_000).station).toBe('near');
  });
});
