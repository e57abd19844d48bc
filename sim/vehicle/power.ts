// Bus voltages over mission time: nominal, or a battery's state of charge through a voltage curve
// (solar charging outside eclipses, the nodes' load draining it), overridden by the timeline's
// powerLevel / powerLoss / powerRestore; brownout and cutoff crossings marked as the wiring sees them.
import type { PowerBus, Profile, TimelineEntry } from '../profile/index.ts';
import { batteryVolts, busLoadWatts } from './battery.ts';
import { nextBusLevel, type Thresholds } from './bus-level.ts';
import { byTime, lastAtOrBefore } from './timeline-util.ts';
import type { BusLevel, BusModel, BusState, PowerEvent, PowerModel } from './types.ts';

export interface PowerModelOptions {
  /** Battery and solar buses are evaluated on this grid, ms. Default 1000. */
  stepMs?: number;
  /** A battery bus emits a reading when its voltage has moved this far since the last one. Default 250. */
  readingStepMillivolts?: number;
}

type PowerEntry = TimelineEntry & { event: 'powerLevel' | 'powerLoss' | 'powerRestore' };

const isPowerEntry = (e: TimelineEntry): e is PowerEntry =>
  e.event === 'powerLevel' || e.event === 'powerLoss' || e.event === 'powerRestore';

const mv = (volts: number): number => Math.round(volts * 1000);
const inWindow = (ws: readonly { fromMs: number; toMs: number }[], t: number): boolean => ws.some((w) => t >= w.fromMs && t < w.toMs);

function gridTimes(bus: PowerBus, fromMs: number, toMs: number, stepMs: number): number[] {
  const out: number[] = [];
  if (!bus.battery && !bus.solar) return out;
  for (let t = Math.ceil(fromMs / stepMs) * stepMs; t < toMs; t += stepMs) out.push(t);
  for (const w of bus.solar?.eclipses ?? []) out.push(w.fromMs, w.toMs);
  return out;
}

function simulateBus(profile: Profile, bus: PowerBus, opts: Required<PowerModelOptions>): BusModel {
  const entries = profile.timeline.filter((e): e is PowerEntry => isPowerEntry(e) && e.bus === bus.name);
  const endMs = Math.max(profile.durationMs, ...entries.map((e) => e.atMs + (e.event === 'powerLevel' ? (e.forMs ?? 0) : 0)));
  const times = new Set<number>([profile.startMs, ...gridTimes(bus, profile.startMs, endMs, opts.stepMs)]);
  for (const e of entries) {
    times.add(e.atMs);
    if (e.event === 'powerLevel' && e.forMs !== undefined) times.add(e.atMs + e.forMs);
  }
  const sorted = [...times].filter((t) => t >= profile.startMs && t <= endMs).sort((a, b) => a - b);
  const th: Thresholds = { brownoutMv: mv(bus.brownoutVolts), cutoffMv: mv(bus.cutoffVolts), hysteresisMv: mv(bus.hysteresisVolts) };
  const capacityWh = bus.battery?.capacityWh ?? 0;
  let energyWh = capacityWh * ((bus.battery?.initialChargePercent ?? 100) / 100);
  const fullLoad = busLoadWatts(bus.name, profile.vehicle.nodes, bus.battery?.loadWatts);
  let mode: 'model' | 'level' | 'off' = 'model';
  let levelVolts = 0;
  let revert: { atMs: number; entry: PowerEntry } | undefined;
  let level: BusLevel = 'nominal';
  let lastMv: number | undefined;
  const events: PowerEvent[] = [];
  const samples: BusState[] = [];
  let next = 0;

  const solarAt = (t: number): number => (bus.solar && !inWindow(bus.solar.eclipses, t) ? bus.solar.peakWatts : 0);
  const modelVolts = (t: number): number => {
    if (bus.battery) return batteryVolts(bus.nominalVolts, capacityWh > 0 ? energyWh / capacityWh : 0);
    // Solar without a battery: the bus lives only in sunlight.
    if (bus.solar) return solarAt(t) > 0 ? bus.nominalVolts : 0;
    return bus.nominalVolts;
  };
  const volts = (t: number): number => (mode === 'off' ? 0 : mode === 'level' ? levelVolts : modelVolts(t));
  // The wiring powers a bus's nodes off at cutoff, so the load goes with them.
  const loadNow = (): number => (mode !== 'off' && level !== 'cutoff' ? fullLoad : 0);
  const reading = (t: number, cause: PowerEvent['cause'], entry?: PowerEntry): void => {
    const m = mv(volts(t));
    const to = nextBusLevel(level, m, th);
    const crossing = to !== level ? { from: level, to } : undefined;
    level = to;
    lastMv = m;
    events.push({ tMs: t, bus: bus.name, kind: 'reading', millivolts: m, level, ...(crossing ? { crossing } : {}), cause, ...source(entry) });
  };

  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    if (i > 0 && bus.battery) {
      const prev = sorted[i - 1]!;
      const net = solarAt(prev) - loadNow();
      energyWh = Math.min(capacityWh, Math.max(0, energyWh + (net * (t - prev)) / 3_600_000));
    }
    if (i === 0) reading(t, 'initial');
    if (revert && revert.atMs === t) {
      const ended = revert.entry;
      revert = undefined;
      mode = 'model';
      reading(t, 'script-end', ended);
    }
    for (; next < entries.length && entries[next]!.atMs <= t; next++) {
      const e = entries[next]!;
      if (e.event === 'powerLevel') {
        mode = 'level';
        levelVolts = e.volts;
        revert = e.forMs !== undefined ? { atMs: e.atMs + e.forMs, entry: e } : undefined;
        reading(t, 'script', e);
      } else if (e.event === 'powerLoss') {
        mode = 'off';
        revert = undefined;
        events.push({ tMs: t, bus: bus.name, kind: 'lost', millivolts: 0, level, cause: 'script', ...source(e) });
      } else {
        const wasOff = mode === 'off';
        mode = 'model';
        revert = undefined;
        events.push({ tMs: t, bus: bus.name, kind: 'restored', millivolts: mv(volts(t)), level, cause: 'script', ...source(e) });
        // After a cut the wiring needs the voltage the bus comes back at.
        if (wasOff || mv(volts(t)) !== lastMv) reading(t, 'script', e);
      }
    }
    if (mode !== 'off') {
      const m = mv(volts(t));
      if (nextBusLevel(level, m, th) !== level || lastMv === undefined || Math.abs(m - lastMv) >= opts.readingStepMillivolts) reading(t, 'model');
    }
    samples.push({
      tMs: t,
      volts: volts(t),
      powered: mode !== 'off',
      level,
      ...(bus.battery ? { stateOfChargePercent: capacityWh > 0 ? (100 * energyWh) / capacityWh : 0 } : {}),
      loadWatts: loadNow(),
      solarWatts: solarAt(t),
    });
  }
  return {
    bus: bus.name,
    events,
    stateAt: (tMs: number): BusState => ({ ...lastAtOrBefore(samples, tMs), tMs }),
  };
}

function source(e: TimelineEntry | undefined): { timelineIndex?: number; timelineId?: string } {
  if (!e) return {};
  return { timelineIndex: e.index, ...(e.id !== undefined ? { timelineId: e.id } : {}) };
}

export function powerModel(profile: Profile, options: PowerModelOptions = {}): PowerModel {
  const opts = { stepMs: options.stepMs ?? 1000, readingStepMillivolts: options.readingStepMillivolts ?? 250 };
  if (!(opts.stepMs > 0)) throw new RangeError(`powerModel: stepMs must be > 0, got ${opts.stepMs}`);
  const buses = profile.vehicle.powerBuses.map((b) => simulateBus(profile, b, opts));
  const events = byTime(buses.map((b) => b.events));
  return {
    buses,
    bus: (name) => buses.find((b) => b.bus === name),
    events,
    crossings: events.filter((e) => e.crossing !== undefined),
  };
}
