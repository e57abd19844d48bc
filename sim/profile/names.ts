// The names a profile declares (stages, nodes, buses, links, workloads, classes, timeline ids),
// gathered once from the raw document so checks and the builder agree on them.

import { CONTROL_PLANE_ROLE_LABEL, DEFAULTS, KIS_LABELS } from './defaults.ts';
import { parseMissionTime } from './duration.ts';
import type { Path } from './path.ts';
import { list, rec, records, str, strMap, type Raw } from './raw.ts';
import type { NodeRole } from './types.ts';

export interface DeclaredNode {
  name: string;
  stage: string;
  role: NodeRole;
  powerBus?: string;
  labels: Record<string, string>;
  /** The node entry it came from (a count entry yields several nodes with one path). */
  path: Path;
  raw: Raw;
}

export interface Names {
  vehicle: string;
  stages: Map<string, Raw>;
  buses: Map<string, Raw>;
  links: Map<string, Raw>;
  nodes: Map<string, DeclaredNode>;
  workloads: Map<string, Raw>;
  priorityClasses: Set<string>;
  /** Timeline id → mission time in ms (undefined when the time does not parse). */
  timelineIds: Map<string, number | undefined>;
}

/** The nodes one entry stands for: itself, or count copies named <namePrefix>1…<namePrefix>N. */
export function entryNodeNames(entry: Raw): string[] {
  const name = str(entry.name);
  if (name !== undefined) return [name];
  const prefix = str(entry.namePrefix);
  const count = entry.count;
  if (prefix === undefined || typeof count !== 'number' || !Number.isInteger(count) || count < 1) return [];
  // Cap only guards against absurd counts in hostile input; the schema has no upper bound.
  return Array.from({ length: Math.min(count, 100_000) }, (_, i) => `${prefix}${i + 1}`);
}

/** Every label the node gets: the profile's, then the ones kis owns. */
export function nodeLabels(vehicle: string, stage: string, entry: Raw): Record<string, string> {
  const role: NodeRole = entry.role === 'control-plane' ? 'control-plane' : DEFAULTS.node.role;
  const labels: Record<string, string> = { ...strMap(entry.labels) };
  labels[KIS_LABELS.vehicle] = vehicle;
  labels[KIS_LABELS.stage] = stage;
  labels[KIS_LABELS.role] = role;
  const bus = str(entry.powerBus);
  if (bus !== undefined) labels[KIS_LABELS.powerBus] = bus;
  if (role === 'control-plane') labels[CONTROL_PLANE_ROLE_LABEL] = '';
  return labels;
}

function firstByName(entries: Array<[Raw, number]>): Map<string, Raw> {
  const out = new Map<string, Raw>();
  for (const [r] of entries) {
    const name = str(r.name);
    if (name !== undefined && !out.has(name)) out.set(name, r);
  }
  return out;
}

export function collectNames(root: Raw): Names {
  const vehicle = rec(root.vehicle) ?? {};
  const vehicleName = str(vehicle.name) ?? '';
  const stageEntries = records(vehicle.stages);
  const nodes = new Map<string, DeclaredNode>();
  for (const [stage, si] of stageEntries) {
    const stageName = str(stage.name) ?? '';
    for (const [entry, ni] of records(stage.nodes)) {
      for (const name of entryNodeNames(entry)) {
        if (nodes.has(name)) continue;
        const bus = str(entry.powerBus);
        nodes.set(name, {
          name,
          stage: stageName,
          role: entry.role === 'control-plane' ? 'control-plane' : 'worker',
          ...(bus !== undefined ? { powerBus: bus } : {}),
          labels: nodeLabels(vehicleName, stageName, entry),
          path: ['vehicle', 'stages', si, 'nodes', ni],
          raw: entry,
        });
      }
    }
  }
  const timelineIds = new Map<string, number | undefined>();
  for (const [entry] of records(root.timeline)) {
    const id = str(entry.id);
    if (id !== undefined && !timelineIds.has(id)) timelineIds.set(id, parseMissionTime(entry.at));
  }
  return {
    vehicle: vehicleName,
    stages: firstByName(stageEntries),
    buses: firstByName(records(vehicle.powerBuses)),
    links: firstByName(records(vehicle.links)),
    nodes,
    workloads: firstByName(records(root.workloads)),
    priorityClasses: new Set(list(root.priorityClasses).map((p) => str(rec(p)?.name)).filter((n): n is string => n !== undefined)),
    timelineIds,
  };
}
