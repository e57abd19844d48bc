// Power buses: the hysteresis rule, the battery curve, scripted levels and losses, and a battery that
// drains through brownout into cutoff and recovers on solar.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batteryVolts, nextBusLevel, powerModel, type BusLevel } from '../../sim/vehicle/index.ts';
import { sample, tinyProfile } from './helpers.ts';

const TH = { brownoutMv: 24_000, cutoffMv: 20_000, hysteresisMv: 1_000 };

describe('nextBusLevel (the hal/wiring hysteresis rule)', () => {
  it.each<[BusLevel, number, BusLevel]>([
    ['nominal', 24_000, 'nominal'], // at the threshold is not below it
    ['nominal', 23_999, 'brownout'],
    ['nominal', 19_999, 'cutoff'], // straight through brownout
    ['brownout', 24_500, 'brownout'], // inside the hysteresis band
    ['brownout', 24_999, 'brownout'],
    ['brownout', 25_000, 'nominal'],
    ['brownout', 20_000, 'brownout'],
    ['brownout', 19_999, 'cutoff'],
    ['cutoff', 20_999, 'cutoff'],
    ['cutoff', 21_000, 'brownout'],
    ['cutoff', 25_000, 'nominal'], // may land straight in nominal
    ['cutoff', 24_999, 'brownout'],
  ])('%s at %i mV → %s', (from, mv, to) => {
    expect(nextBusLevel(from, mv, TH)).toBe(to);
  });

  it('never flips on a reading that jitters inside the hysteresis band', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 23_000, max: 24_999 }), { minLength: 1, maxLength: 50 }), (readings) => {
      let level: BusLevel = 'brownout';
      for (const r of readings) level = nextBusLevel(level, r, TH);
      return level === 'brownout';
    }));
  });
});

describe('batteryVolts', () => {
  it.each([
    [1, 28],
    [0.5, 27.16],
    [0.1, 25.48],
    [0, 19.6],
  ])('state of charge %f → %f V on a 28 V bus', (soc, v) => {
    expect(batteryVolts(28, soc)).toBeCloseTo(v, 6);
  });

  it('is monotonic in the state of charge and clamped outside 0-1', () => {
    fc.assert(fc.property(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return batteryVolts(28, lo) <= batteryVolts(28, hi) && batteryVolts(28, hi) <= 28 && batteryVolts(28, lo) >= 28 * 0.7;
    }));
  });
});

describe('powerModel', () => {
  it('holds a bus without battery at nominal and plays a scripted brownout with its end', () => {
    const m = powerModel(sample('falcon9-leo'));
    const s2 = m.bus('s2-bus')!;
    expect(s2.stateAt(239_999).level).toBe('nominal');
    expect(s2.stateAt(240_000)).toMatchObject({ volts: 23.2, level: 'brownout', powered: true });
    expect(s2.stateAt(247_999).level).toBe('brownout');
    expect(s2.stateAt(248_000).level).toBe('nominal');
    expect(m.crossings.map((c) => [c.tMs, c.bus, c.crossing])).toEqual([
      [240_000, 's2-bus', { from: 'nominal', to: 'brownout' }],
      [248_000, 's2-bus', { from: 'brownout', to: 'nominal' }],
    ]);
    expect(m.bus('s1-bus')!.stateAt(300_000)).toMatchObject({ volts: 28, level: 'nominal' });
  });

  it('cuts and restores a bus on powerLoss / powerRestore, with a reading after the restore', () => {
    const m = powerModel(sample('station-outage'));
    const a = m.bus('bus-a')!;
    expect(a.stateAt(600_000)).toMatchObject({ volts: 0, powered: false, loadWatts: 0 });
    expect(a.stateAt(1_499_999).powered).toBe(false);
    expect(a.stateAt(1_500_000).powered).toBe(true);
    const kinds = a.events.filter((e) => e.cause === 'script').map((e) => [e.tMs, e.kind]);
    expect(kinds).toEqual([[600_000, 'lost'], [1_500_000, 'restored'], [1_500_000, 'reading']]);
    // The level machine only reads voltages, so a cut is not a cutoff crossing.
    expect(m.crossings.filter((c) => c.bus === 'bus-a')).toEqual([]);
  });

  it('a powerLevel without `for` holds until the next entry', () => {
    const p = tinyProfile({
      timeline: ['  - { at: T+1m, event: powerLevel, bus: main, volts: 22 }', '  - { at: T+5m, event: powerLevel, bus: main, volts: 27 }'].join('\n'),
    });
    const bus = powerModel(p).bus('main')!;
    expect(bus.stateAt(4 * 60_000).volts).toBe(22);
    expect(bus.stateAt(5 * 60_000)).toMatchObject({ volts: 27, level: 'nominal' });
    expect(bus.events.map((e) => e.millivolts)).toEqual([28_000, 22_000, 27_000]);
  });

  it('a battery drains through brownout into cutoff, sheds its load, and comes back on solar', () => {
    // 10 Wh at 20 %, 60 W load: empty in about two minutes; eclipse until T+30m, then 120 W of sun.
    const p = tinyProfile({
      powerBuses: [
        '    - name: main',
        '      nominalVolts: 28',
        '      brownoutVolts: 24',
        '      cutoffVolts: 20',
        '      hysteresisVolts: 1',
        '      battery: { capacityWh: 10, initialChargePercent: 20, loadWatts: 60 }',
        '      solar: { peakWatts: 120, eclipses: [{ from: T+0, to: T+30m }] }',
      ].join('\n'),
    });
    const m = powerModel(p);
    const bus = m.bus('main')!;
    const crossings = m.crossings.map((c) => [c.crossing!.from, c.crossing!.to]);
    expect(crossings).toEqual([
      ['nominal', 'brownout'],
      ['brownout', 'cutoff'],
      ['cutoff', 'brownout'],
      ['brownout', 'nominal'],
    ]);
    const [brown, cut, back, nominal] = m.crossings.map((c) => c.tMs) as [number, number, number, number];
    expect(brown).toBeGreaterThan(60_000);
    expect(cut).toBeLessThan(3 * 60_000);
    expect(back).toBeGreaterThan(30 * 60_000);
    expect(nominal).toBeGreaterThan(back);
    expect(nominal).toBeLessThan(35 * 60_000);
    // Cut off, the nodes are off: no load, and the charge holds through the rest of the eclipse.
    const during = bus.stateAt(20 * 60_000);
    expect(during).toMatchObject({ level: 'cutoff', loadWatts: 0, solarWatts: 0, powered: true });
    expect(bus.stateAt(29 * 60_000).stateOfChargePercent).toBeCloseTo(during.stateOfChargePercent!, 9);
    // Every crossing reading is below/above the thresholds as hal/wiring will judge it.
    for (const c of m.crossings) expect(nextBusLevel(c.crossing!.from, c.millivolts, TH)).toBe(c.crossing!.to);
    // Charged back to full and capped there.
    expect(bus.stateAt(59 * 60_000).stateOfChargePercent).toBe(100);
  });

  it('emits battery readings only when the voltage moved by the step (default 250 mV)', () => {
    const m = powerModel(sample('station-outage'));
    const readings = m.bus('bus-a')!.events.filter((e) => e.kind === 'reading' && e.cause === 'model');
    expect(readings.length).toBeGreaterThan(0);
    let last = m.bus('bus-a')!.events[0]!.millivolts;
    for (const r of readings) {
      expect(Math.abs(r.millivolts - last)).toBeGreaterThanOrEqual(250);
      last = r.millivolts;
    }
  });
});
