// Builds the typed timeline and expectations (times in ms, `after` resolved to a mission time).

import { parseDuration, parseMissionTime } from './duration.ts';
import { num, rec, str, type Raw } from './raw.ts';
import type { Expectation, MissionRef, NodeFaultKind, TimelineEntry, TimelineEvent, Vehicle } from './types.ts';

const s = (v: unknown): string => str(v) ?? '';

function event(e: Raw, vehicle: Vehicle): TimelineEvent {
  switch (e.event) {
    case 'prepareSeparation': return { event: 'prepareSeparation', stage: s(e.stage) };
    // Nominal unless the profile says it is an anomaly.
    case 'separation': return { event: 'separation', stage: s(e.stage), planned: e.planned !== false };
    case 'powerLevel': {
      const forMs = parseDuration(e.for);
      return { event: 'powerLevel', bus: s(e.bus), volts: num(e.volts) ?? 0, ...(forMs !== undefined ? { forMs } : {}) };
    }
    case 'powerLoss': return { event: 'powerLoss', bus: s(e.bus) };
    case 'powerRestore': return { event: 'powerRestore', bus: s(e.bus) };
    case 'linkDown': return { event: 'linkDown', link: s(e.link) };
    case 'linkUp': {
      const link = vehicle.links.find((l) => l.name === e.link);
      return { event: 'linkUp', link: s(e.link), latencyMs: num(e.latencyMs) ?? link?.latencyMs ?? 0 };
    }
    case 'nodeFault': return { event: 'nodeFault', node: s(e.node), fault: s(e.fault) as NodeFaultKind };
    case 'rollout': return { event: 'rollout', workload: s(e.workload), image: s(e.image) };
    case 'scale': return { event: 'scale', workload: s(e.workload), replicas: num(e.replicas) ?? 0 };
    case 'phase': return { event: 'phase', name: s(e.name) };
    case 'signal': {
      const data: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(rec(e.data) ?? {})) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') data[k] = v;
      }
      return { event: 'signal', name: s(e.name), data };
    }
    case 'maxQ': return { event: 'maxQ' };
    default: return { event: 'liftoff' };
  }
}

export function buildTimeline(raw: Raw[], vehicle: Vehicle): TimelineEntry[] {
  const entries = raw.map((e, index): TimelineEntry => ({
    ...event(e, vehicle),
    atMs: parseMissionTime(e.at) ?? 0,
    ...(str(e.id) !== undefined ? { id: str(e.id) as string } : {}),
    index,
  }));
  // Array.prototype.sort is stable, so simultaneous events keep the profile's order.
  return entries.sort((a, b) => a.atMs - b.atMs);
}

function resolveAfter(v: unknown, timeline: TimelineEntry[]): MissionRef | undefined {
  if (v === undefined) return undefined;
  const t = parseMissionTime(v);
  if (t !== undefined) return { atMs: t };
  const entry = timeline.find((e) => e.id === v);
  return { atMs: entry?.atMs ?? 0, eventId: s(v) };
}

export function buildExpectations(raw: Raw[], timeline: TimelineEntry[]): Expectation[] {
  return raw.map((x): Expectation => {
    const during = rec(x.during);
    const after = resolveAfter(x.after, timeline);
    const base = {
      name: s(x.name),
      during: during ? { fromMs: parseMissionTime(during.from) ?? 0, toMs: parseMissionTime(during.to) ?? 0 } : ('always' as const),
      ...(after ? { after } : {}),
    };
    const workload = s(x.workload);
    switch (x.type) {
      case 'minReady': return { ...base, type: 'minReady', workload, count: num(x.count) ?? 0 };
      case 'recoverWithin':
        return { ...base, type: 'recoverWithin', workload, count: num(x.count) ?? 0, withinMs: parseDuration(x.within) ?? 0, after: after ?? { atMs: 0 } };
      case 'maxPendingDuration':
        return { ...base, type: 'maxPendingDuration', durationMs: parseDuration(x.duration) ?? 0, ...(x.workload !== undefined ? { workload } : {}) };
      case 'serviceAvailable': return { ...base, type: 'serviceAvailable', workload };
      case 'noPodLost': return { ...base, type: 'noPodLost', priorityClass: s(x.priorityClass) };
      default: return { ...base, type: 'quorumHeld' };
    }
  });
}
