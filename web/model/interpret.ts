// Works out each record's effect on the scene from the state just before it (the head of the journal).
import { phaseName, stageOfAction } from './layout.ts';
import type { JournalLayout, JournalRecord, StageView } from './types.ts';
import { busAfterPowerState, busAfterReading, deletedNodeView, nodeView, placesOf, PodKeys, podView, type BusThresholds, type NodePlace } from './views.ts';
import { emptyWorking, type Effect, type Working } from './working.ts';

/** What the interpreter needs from the layout, indexed once, and its memo of pod keys. */
export interface LayoutIndex {
  readonly layout: JournalLayout;
  readonly places: Map<string, NodePlace>;
  readonly thresholds: ReadonlyMap<string, BusThresholds>;
  readonly podKeys: PodKeys;
}

export function indexLayout(layout: JournalLayout): LayoutIndex {
  const thresholds = new Map<string, BusThresholds>();
  // A bus of a derived layout has no thresholds (0/0): only power-state signals move its state.
  for (const b of layout.buses) if (b.brownoutVolts > 0 || b.cutoffVolts > 0) thresholds.set(b.name, b);
  return { layout, places: placesOf(layout), thresholds, podKeys: new PodKeys() };
}

/** The scene before any record: the layout's stages, buses (nominal) and links (up until told otherwise). */
export function initialWorking(ix: LayoutIndex): Working {
  const stages: StageView[] = [...ix.layout.stages]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ name: s.name, order: s.order, nodes: s.nodes.map((n) => n.name), ...(s.massKg !== undefined ? { massKg: s.massKg } : {}) }));
  const buses = new Map(ix.layout.buses.map((b) => [b.name, { name: b.name, state: 'nominal' as const }]));
  const links = new Map(ix.layout.links.map((l) => [l.name, { name: l.name, up: true }]));
  return emptyWorking(stages, buses, links);
}

/** The effect of `r` on a scene in state `head` (not changed here), or undefined when it has none. */
export function effectOf(head: Working, r: JournalRecord, ix: LayoutIndex): Effect | undefined {
  switch (r.kind) {
    case 'cluster':
      return clusterEffect(head, r, ix);
    case 'signal':
      return signalEffect(head, r, ix);
    case 'action':
      if (r.action.type === 'detach-stage' && r.status === 'applied') return separate(head, stageOfAction(r.action as unknown as Record<string, unknown>), r.t);
      return undefined;
    default:
      return undefined;
  }
}

function clusterEffect(head: Working, r: Extract<JournalRecord, { kind: 'cluster' }>, ix: LayoutIndex): Effect | undefined {
  if (r.resource === 'nodes') {
    const prev = head.nodes.get(r.name);
    const place = ix.places.get(r.name);
    const value = r.op === 'deleted' ? deletedNodeView(r.name, prev, place) : nodeView(r.name, r.data, prev?.present ? prev : undefined, place);
    return value === prev ? undefined : { on: 'nodes', key: r.name, value };
  }
  if (r.resource === 'pods') {
    const key = ix.podKeys.of(r.namespace, r.name);
    const prev = head.pods.get(key);
    if (r.op === 'deleted') return prev ? { on: 'pods', key, value: undefined } : undefined;
    const value = podView(r.name, r.namespace, r.data, prev, key);
    return value === prev ? undefined : { on: 'pods', key, value };
  }
  return undefined;
}

function signalEffect(head: Working, r: Extract<JournalRecord, { kind: 'signal' }>, ix: LayoutIndex): Effect | undefined {
  const s = r.signal;
  switch (s.type) {
    case 'power':
      return { on: 'buses', key: s.bus, value: busAfterReading(s.bus, s.millivolts, ix.thresholds.get(s.bus), head.buses.get(s.bus)) };
    case 'power-state':
      // A single node's feed (s.node) shows in that node's own cluster record (power on/off).
      if (s.node !== undefined) return undefined;
      return { on: 'buses', key: s.bus, value: busAfterPowerState(s.bus, s.state, ix.thresholds.get(s.bus), head.buses.get(s.bus)) };
    case 'link':
      return { on: 'links', key: s.link, value: { name: s.link, up: s.state === 'up', ...(s.latencyMs !== undefined ? { latencyMs: s.latencyMs } : {}) } };
    case 'separation': {
      if (s.state !== 'separated') return undefined;
      const stage = s.stage ?? (head.stages.some((x) => x.name === s.plane) ? s.plane : undefined);
      return separate(head, stage, r.t);
    }
    case 'custom': {
      if (s.name !== 'flight-phase') return undefined;
      const name = phaseName(s.data);
      return name === undefined ? undefined : { on: 'phase', value: { t: r.t, name } };
    }
    default:
      return undefined;
  }
}

/** The first separation of a known stage wins (a detach after the signal, or the reverse, changes nothing). */
function separate(head: Working, stage: string | undefined, t: number): Effect | undefined {
  const i = head.stages.findIndex((s) => s.name === stage);
  if (i === -1 || head.stages[i]!.separatedAt !== undefined) return undefined;
  const stages = head.stages.slice();
  stages[i] = { ...stages[i]!, separatedAt: t };
  return { on: 'stages', value: stages };
}
