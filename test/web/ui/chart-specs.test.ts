import { describe, expect, it } from 'vitest';
import { chartSpecs, formatValue, seriesColour, seriesLabel } from '../../../web/ui/chart-specs.ts';

describe('chart specs', () => {
  it('draws what the journal has', () => {
    const specs = chartSpecs(
      ['vehicle.altitudeM', 'vehicle.velocityMps', 'vehicle.mach', 'bus/s2-bus.volts', 'bus/s1-bus.volts', 'bus/s1-bus.loadWatts', 'link/s-band.up'],
      ['ready/gnc', 'pending/gnc', 'ready/booster'],
    );
    expect(specs.map((s) => [s.id, s.series])).toEqual([
      ['altitude', ['vehicle.altitudeM']],
      ['velocity', ['vehicle.velocityMps']],
      ['bus-volts', ['bus/s1-bus.volts', 'bus/s2-bus.volts']],
      ['pods-ready', ['ready/booster', 'ready/gnc']],
      ['pods-pending', ['pending/gnc']],
    ]);
    expect(chartSpecs([], [])).toEqual([]);
  });

  it.each([
    ['bus/s1-bus.volts', 's1-bus'],
    ['ready/gnc', 'gnc'],
    ['pending/payload-sequencer', 'payload-sequencer'],
    ['vehicle.altitudeM', 'altitudeM'],
    ['plain', 'plain'],
  ])('seriesLabel(%s) = %s', (name, want) => {
    expect(seriesLabel(name)).toBe(want);
  });

  it.each([
    [0, '0'],
    [28, '28'],
    [27.56, '27.6'],
    [0.0042, '0.0042'],
    [12_345, '12.3k'],
    [534_870, '535k'],
    [7_800_000, '7.8M'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('formatValue(%d) = %s', (v, want) => {
    expect(formatValue(v)).toBe(want);
  });

  it('colours cycle', () => {
    expect(seriesColour(0)).toBe(seriesColour(8));
    expect(seriesColour(-1)).toBe(seriesColour(7));
  });
});
