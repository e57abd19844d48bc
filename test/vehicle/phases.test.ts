// Flight phase markers from the timeline and the ascent model.
import { describe, expect, it } from 'vitest';
import { ascentModel, flightPhases } from '../../sim/vehicle/index.ts';
import { sample } from './helpers.ts';

describe('flightPhases', () => {
  const p = sample('falcon9-leo');
  const phases = flightPhases(p, ascentModel(p));

  it('lists the timeline markers in order', () => {
    const tl = phases.markers.filter((m) => m.source === 'timeline').map((m) => [m.tMs / 1000, m.name]);
    expect(tl).toEqual([
      [-10, 'terminal-count'], [0, 'liftoff'], [78, 'max-q'], [140, 'prepare-separation'], [150, 'MECO'],
      [150, 'separation'], [156, 'second-stage-ignition'], [202, 'fairing'], [498, 'SECO'],
    ]);
    expect(phases.markers.find((m) => m.name === 'separation')).toMatchObject({ stage: 'stage1', timelineId: 'stage-sep' });
  });

  it('adds what the ascent model computed, in time order', () => {
    const ascent = phases.markers.filter((m) => m.source === 'ascent').map((m) => m.name);
    expect(ascent).toEqual(['ignition', 'max-q', 'cutoff', 'stage-dropped', 'ignition', 'cutoff']);
    const times = phases.markers.map((m) => m.tMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it.each([
    [-20_000, 'pre-launch'],
    [-10_000, 'terminal-count'],
    [60_000, 'liftoff'],
    [150_000, 'separation'],
    [300_000, 'fairing'],
    [599_000, 'SECO'],
  ])('phaseAt(%i) = %s', (t, name) => {
    expect(phases.phaseAt(t)).toBe(name);
  });

  it('a profile without lift-off starts in "mission" and has no ascent markers', () => {
    const station = flightPhases(sample('station-outage'));
    expect(station.phaseAt(0)).toBe('mission');
    expect(station.markers).toEqual([]);
  });
});
