// Semantic checks on the vehicle: names, node entries, bus thresholds, windows, ascent stages.

import type { CheckContext } from './check-context.ts';
import { KIS_LABELS } from './defaults.ts';
import { parseMissionTime } from './duration.ts';
import type { Path } from './path.ts';
import { hasUnknownKeys, list, num, rec, records, str, type Raw } from './raw.ts';

/** A window's `from` must come before its `to`. */
export function checkWindow(ctx: CheckContext, w: Raw, at: Path): void {
  const from = parseMissionTime(w.from);
  const to = parseMissionTime(w.to);
  if (from !== undefined && to !== undefined && to <= from) {
    ctx.add([...at, 'to'], `window ends at or before it starts (from ${String(w.from)}); "to" must be later than "from"`);
  }
}

export function checkWindows(ctx: CheckContext, value: unknown, base: Path): void {
  for (const [w, i] of records(value)) checkWindow(ctx, w, [...base, i]);
}

const NODE_KEYS = ['name', 'count', 'namePrefix', 'cpu', 'memory', 'maxPods', 'labels', 'role', 'powerBus'];

function checkNodes(ctx: CheckContext, stage: Raw, base: Path, seen: Map<string, string>): void {
  const reserved = Object.values(KIS_LABELS) as string[];
  for (const [entry, i] of records(stage.nodes)) {
    const at = [...base, 'nodes', i];
    const hasName = entry.name !== undefined;
    const hasCount = entry.count !== undefined;
    const hasPrefix = entry.namePrefix !== undefined;
    if (hasName && (hasCount || hasPrefix)) {
      ctx.add([...at, hasCount ? 'count' : 'namePrefix'], 'give either "name" (one node) or "count" and "namePrefix" (a group), not both');
    } else if (!hasName && !(hasCount && hasPrefix) && !hasUnknownKeys(entry, NODE_KEYS)) {
      ctx.add(at, hasCount ? 'missing required field "namePrefix" (a group of nodes needs count and namePrefix)'
        : hasPrefix ? 'missing required field "count" (a group of nodes needs count and namePrefix)'
        : 'missing required field "name" (or "count" and "namePrefix" for a group of nodes)');
    }
    for (const key of Object.keys(rec(entry.labels) ?? {})) {
      if (reserved.includes(key)) ctx.add([...at, 'labels', key], `label "${key}" is set by kis from the vehicle; remove it`, 'key');
    }
    ctx.ref([...at, 'powerBus'], entry.powerBus, ctx.names.buses.keys(), 'power bus');
    const name = str(entry.name);
    const generated = name !== undefined ? [name] : [];
    const prefix = str(entry.namePrefix);
    const count = num(entry.count);
    if (name === undefined && prefix !== undefined && count !== undefined) {
      for (let n = 1; n <= Math.min(count, 100_000); n++) generated.push(`${prefix}${n}`);
      const longest = `${prefix}${count}`;
      if (longest.length > 253) ctx.add([...at, 'namePrefix'], `generated node names such as "${longest.slice(0, 40)}…" exceed 253 characters`);
    }
    for (const n of generated) {
      const where = seen.get(n);
      if (where !== undefined) {
        ctx.add([...at, name !== undefined ? 'name' : 'namePrefix'], `duplicate node name "${n}" (also on ${where})`);
        break;
      }
      seen.set(n, `stage "${str(stage.name) ?? '?'}"`);
    }
  }
}

function checkBus(ctx: CheckContext, bus: Raw, at: Path): void {
  const nominal = num(bus.nominalVolts);
  const brownout = num(bus.brownoutVolts);
  const cutoff = num(bus.cutoffVolts);
  if (nominal !== undefined && brownout !== undefined && brownout >= nominal) {
    ctx.add([...at, 'brownoutVolts'], `brownoutVolts (${brownout}) must be below nominalVolts (${nominal})`);
  }
  if (brownout !== undefined && cutoff !== undefined && cutoff >= brownout) {
    ctx.add([...at, 'cutoffVolts'], `cutoffVolts (${cutoff}) must be below brownoutVolts (${brownout})`);
  }
  const hysteresis = num(bus.hysteresisVolts);
  if (hysteresis !== undefined && brownout !== undefined && cutoff !== undefined && cutoff < brownout && hysteresis >= brownout - cutoff) {
    // A hysteresis wider than the brownout band would make power-back-on need more than brownout.
    ctx.add([...at, 'hysteresisVolts'], `hysteresisVolts (${hysteresis}) must be smaller than brownoutVolts - cutoffVolts (${brownout - cutoff})`);
  }
  const solar = rec(bus.solar);
  if (solar) checkWindows(ctx, solar.eclipses, [...at, 'solar', 'eclipses']);
}

const ASCENT_STAGE_KEYS = ['stage', 'dryMassKg', 'propellantMassKg', 'thrustN', 'ispS', 'massFlowKgPerS', 'burnStart', 'burnEnd'];

function checkAscent(ctx: CheckContext, ascent: Raw): void {
  const base = ['vehicle', 'ascent', 'stages'];
  const entries = records(ascent.stages);
  ctx.unique(entries, ['vehicle', 'ascent', 'stages'], 'ascent stage', 'stage');
  for (const [s, i] of entries) {
    const at = [...base, i];
    ctx.ref([...at, 'stage'], s.stage, ctx.names.stages.keys(), 'stage');
    const hasIsp = s.ispS !== undefined;
    const hasFlow = s.massFlowKgPerS !== undefined;
    if (hasIsp === hasFlow && !(hasUnknownKeys(s, ASCENT_STAGE_KEYS) && !hasIsp)) {
      ctx.add(hasIsp ? [...at, 'massFlowKgPerS'] : at, hasIsp ? 'give either ispS or massFlowKgPerS, not both' : 'missing "ispS" or "massFlowKgPerS" (one is needed for the mass flow)');
    }
    const start = parseMissionTime(s.burnStart);
    const end = parseMissionTime(s.burnEnd);
    if (start !== undefined && end !== undefined && end <= start) {
      ctx.add([...at, 'burnEnd'], `burnEnd must be after burnStart (${String(s.burnStart)})`);
    }
  }
}

export function checkVehicle(ctx: CheckContext, root: Raw): void {
  const vehicle = rec(root.vehicle);
  if (!vehicle) return;
  const stages = records(vehicle.stages);
  ctx.unique(stages, ['vehicle', 'stages'], 'stage');
  const orders = new Map<number, string>();
  const seenNodes = new Map<string, string>();
  for (const [stage, i] of stages) {
    const order = num(stage.order);
    if (order !== undefined) {
      const other = orders.get(order);
      if (other !== undefined) ctx.add(['vehicle', 'stages', i, 'order'], `order ${order} is already used by stage "${other}"; each stage needs its own position`);
      else orders.set(order, str(stage.name) ?? '?');
    }
    checkNodes(ctx, stage, ['vehicle', 'stages', i], seenNodes);
  }
  const explicit = stages.filter(([s]) => s.order !== undefined).length;
  if (explicit > 0 && explicit < stages.length) {
    ctx.add(['vehicle', 'stages'], 'give "order" on every stage or on none (then the list order is used)');
  }
  const buses = records(vehicle.powerBuses);
  ctx.unique(buses, ['vehicle', 'powerBuses'], 'power bus');
  for (const [bus, i] of buses) checkBus(ctx, bus, ['vehicle', 'powerBuses', i]);
  const links = records(vehicle.links);
  ctx.unique(links, ['vehicle', 'links'], 'link');
  for (const [link, i] of links) {
    const stations = records(link.groundStations);
    ctx.unique(stations, ['vehicle', 'links', i, 'groundStations'], 'ground station');
    for (const [gs, j] of stations) checkWindows(ctx, gs.windows, ['vehicle', 'links', i, 'groundStations', j, 'windows']);
  }
  const ascent = rec(vehicle.ascent);
  if (ascent) checkAscent(ctx, ascent);
  const typo = stages.some(([s]) => hasUnknownKeys(s, ['name', 'order', 'nodes']));
  if (list(vehicle.stages).length > 0 && ctx.names.nodes.size === 0 && !typo) {
    ctx.add(['vehicle', 'stages'], 'the vehicle has no nodes; add nodes to at least one stage');
  }
}
