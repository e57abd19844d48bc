// vehicleSignals: every sample profile gives a valid, ordered, deterministic stream of signals and telemetry.
import { describe, expect, it } from 'vitest';
import { checkSignal, formatJournalRecord, type Signal } from '../../hal/signals/index.ts';
import { nextBusLevel, vehicleModel, vehicleSignals, type BusLevel, type VehicleRecord } from '../../sim/vehicle/index.ts';
import { sample, SAMPLES, tinyProfile } from './helpers.ts';

const signals = (rs: readonly VehicleRecord[]): Signal[] => rs.flatMap((r) => (r.kind === 'signal' ? [r.signal] : []));

describe.each(SAMPLES.map((f) => f.replace(/\.yaml$/, '')))('vehicleSignals(%s)', (name) => {
  const p = sample(name);
  const records = vehicleSignals(p);

  it('is in time order, signals before telemetry at equal times, inside the mission', () => {
    for (let i = 1; i < records.length; i++) {
      const [a, b] = [records[i - 1]!, records[i]!];
      expect(b.t).toBeGreaterThanOrEqual(a.t);
      if (a.t === b.t) expect(a.kind === 'telemetry' && b.kind === 'signal').toBe(false);
    }
    expect(records[0]!.t).toBeGreaterThanOrEqual(p.startMs);
    expect(records[records.length - 1]!.t).toBeLessThanOrEqual(p.durationMs);
  });

  it('has only valid profile signals with unique ids, and every journal line encodes', () => {
    const ids = new Set<string>();
    for (const s of signals(records)) {
      expect(checkSignal(s)).toBeUndefined();
      expect(s.source).toBe('profile');
      expect(ids.has(s.id!)).toBe(false);
      ids.add(s.id!);
    }
    for (const r of records.slice(0, 200)) expect(() => formatJournalRecord(r)).not.toThrow();
  });

  it('gives every timeline entry a signal carrying its id, at its time', () => {
    const byId = new Map(signals(records).map((s) => [s.id, s]));
    for (const e of p.timeline) {
      const s = byId.get(`profile:${e.id ?? `timeline-${e.index}`}`);
      expect(s, `timeline entry ${e.index} (${e.event})`).toBeDefined();
      expect(s!.t).toBe(e.atMs);
    }
  });

  it('drives hal/wiring\'s level rule to the same levels the power model computed', () => {
    const model = vehicleModel(p);
    const levels = new Map<string, BusLevel>();
    for (const s of signals(records)) {
      if (s.type !== 'power') continue;
      const bus = p.vehicle.powerBuses.find((b) => b.name === s.bus)!;
      const th = { brownoutMv: Math.round(bus.brownoutVolts * 1000), cutoffMv: Math.round(bus.cutoffVolts * 1000), hysteresisMv: Math.round(bus.hysteresisVolts * 1000) };
      levels.set(s.bus, nextBusLevel(levels.get(s.bus) ?? 'nominal', s.millivolts, th));
    }
    for (const bus of model.power.buses) expect(levels.get(bus.bus) ?? 'nominal').toBe(bus.stateAt(p.durationMs).level);
  });

  it('is byte-identical on a second call', () => {
    const text = (rs: readonly VehicleRecord[]): string => rs.map((r) => JSON.stringify(r)).join('\n');
    expect(text(vehicleSignals(sample(name)))).toBe(text(records));
  });
});

describe('vehicleSignals options and telemetry', () => {
  it('samples telemetry on the grid: vehicle, every bus and every link', () => {
    const p = sample('falcon9-leo');
    const tel = vehicleSignals(p, { telemetryEveryMs: 10_000 }).filter((r) => r.kind === 'telemetry');
    const channels = [...new Set(tel.map((r) => r.channel))].sort();
    expect(channels).toEqual(['bus/s1-bus', 'bus/s2-bus', 'link/s-band', 'vehicle']);
    const ts = [...new Set(tel.map((r) => r.t))];
    expect(ts[0]).toBe(-10_000);
    expect(ts[ts.length - 1]).toBe(600_000);
    expect(ts.every((t) => t % 10_000 === 0)).toBe(true);
    const at78 = tel.find((r) => r.t === 80_000 && r.channel === 'vehicle')!;
    expect(Object.keys(at78.values).sort()).toEqual(['accelerationMps2', 'altitudeM', 'downrangeM', 'dynamicPressurePa', 'flightPathDeg', 'mach', 'massKg', 'velocityMps']);
    const bus = tel.find((r) => r.t === 240_000 && r.channel === 'bus/s2-bus')!;
    expect(bus.values.volts).toBe(23.2);
    expect(tel.find((r) => r.t === 450_000 && r.channel === 'link/s-band')!.values).toEqual({ up: 0 });
  });

  it('telemetryEveryMs 0 turns telemetry off; a negative interval is refused', () => {
    const p = sample('station-outage');
    expect(vehicleSignals(p, { telemetryEveryMs: 0 }).every((r) => r.kind === 'signal')).toBe(true);
    expect(() => vehicleSignals(p, { telemetryEveryMs: -1 })).toThrow(/telemetryEveryMs/);
  });

  it('a link down at the start is announced at the start', () => {
    const p = tinyProfile({ links: '    - { name: radio, groundStations: [{ name: gs, windows: [{ from: T+1m, to: T+2m }] }] }' });
    const links = signals(vehicleSignals(p, { telemetryEveryMs: 0 })).filter((s) => s.type === 'link');
    expect(links.map((s) => [s.t, s.type === 'link' && s.state])).toEqual([[0, 'down'], [60_000, 'up'], [120_000, 'down']]);
  });

  it('maps the timeline onto the signal vocabulary hal/wiring reads', () => {
    const rs = signals(vehicleSignals(sample('falcon9-leo'), { telemetryEveryMs: 0 }));
    expect(rs.find((s) => s.id === 'profile:stage-sep')).toEqual({ source: 'profile', t: 150_000, id: 'profile:stage-sep', type: 'separation', plane: 'stage1', stage: 'stage1', state: 'separated' });
    expect(rs.find((s) => s.type === 'custom' && s.name === 'prepare-separation')).toMatchObject({ t: 140_000, data: { stage: 'stage1' } });
    expect(rs.filter((s) => s.type === 'custom' && s.name === 'flight-phase').map((s) => s.type === 'custom' && s.data)).toContainEqual({ phase: 'max-q' });
    const leo = signals(vehicleSignals(sample('leo-passes'), { telemetryEveryMs: 0 }));
    expect(leo.find((s) => s.type === 'rollout')).toMatchObject({ workload: 'image-processor', t: 900_000, id: 'profile:rollout' });
    expect(leo.find((s) => s.type === 'node-fault')).toMatchObject({ node: 'obc-2', fault: 'reboot' });
  });
});
