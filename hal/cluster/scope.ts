// The scope guard: a NodeTarget resolves to the nodes labelled with our vehicle; nodes that match
// the target but belong to another vehicle (or none) are returned apart, to be refused with an alarm.
import { LABEL_POWER_BUS, LABEL_STAGE, LABEL_VEHICLE, type NodeTarget } from '../signals/index.ts';
import type { NodeInfo } from './cluster.ts';
import type { NodeLister } from './node-cache.ts';

export interface Resolved {
  readonly ours: readonly NodeInfo[];
  /** Matched the target but are not labelled kis.dev/vehicle=<ours>: never touched. */
  readonly foreign: readonly NodeInfo[];
}

export function inScope(node: NodeInfo, vehicle: string): boolean {
  return node.labels[LABEL_VEHICLE] === vehicle;
}

/**
 * Lists by the target's own label only (not by vehicle too), so a lab that shares stage or bus
 * names between vehicles shows up as foreign matches — a wiring mistake worth an alarm.
 */
export async function resolveTarget(cluster: NodeLister, vehicle: string, target: NodeTarget): Promise<Resolved> {
  let nodes: NodeInfo[];
  switch (target.by) {
    case 'node': {
      const n = await cluster.getNode(target.name);
      nodes = n ? [n] : [];
      break;
    }
    case 'stage':
      nodes = await cluster.listNodes(`${LABEL_STAGE}=${target.name}`);
      break;
    case 'power-bus':
      nodes = await cluster.listNodes(`${LABEL_POWER_BUS}=${target.name}`);
      break;
  }
  const byName = (a: NodeInfo, b: NodeInfo) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    ours: nodes.filter((n) => inScope(n, vehicle)).sort(byName),
    foreign: nodes.filter((n) => !inScope(n, vehicle)).sort(byName),
  };
}

export function describeTarget(target: NodeTarget): string {
  return target.by === 'node' ? `node ${target.name}` : `${target.by} ${target.name}`;
}
