// The mutable scene state a replay steps forward, the effects it applies, and its immutable snapshots.
import type { BusView, JournalRecord, LinkView, NodeView, PodView, StageView } from './types.ts';

/**
 * What one record does to the scene, worked out once when the record is appended (by the head, see
 * interpret.ts). Replaying a record is then only a map write of a value built once, so every replay
 * of the same instant hands the scene the very same view objects: identity means "unchanged".
 * Telemetry records have no effect object: the replay reads their values straight from the record.
 */
export type Effect =
  | { readonly on: 'nodes'; readonly key: string; readonly value: NodeView }
  | { readonly on: 'pods'; readonly key: string; readonly value: PodView | undefined }
  | { readonly on: 'buses'; readonly key: string; readonly value: BusView }
  | { readonly on: 'links'; readonly key: string; readonly value: LinkView }
  | { readonly on: 'stages'; readonly value: readonly StageView[] }
  | { readonly on: 'phase'; readonly value: PhaseMark };

export interface PhaseMark {
  readonly t: number;
  readonly name: string;
}

/** Scene state after the first `idx` records. Maps marked shared are read by someone: copy before writing. */
export interface Working {
  idx: number;
  nodes: Map<string, NodeView>;
  pods: Map<string, PodView>;
  buses: Map<string, BusView>;
  links: Map<string, LinkView>;
  telemetry: Map<string, Readonly<Record<string, number>>>;
  stages: readonly StageView[];
  phase: PhaseMark | undefined;
  shared: boolean;
}

export function emptyWorking(stages: readonly StageView[], buses: Map<string, BusView>, links: Map<string, LinkView>): Working {
  return { idx: 0, nodes: new Map(), pods: new Map(), buses, links, telemetry: new Map(), stages, phase: undefined, shared: false };
}

/** A copy whose maps may be written (views are immutable, so a shallow copy is a full one). */
export function cloneWorking(w: Working): Working {
  return {
    idx: w.idx,
    nodes: new Map(w.nodes),
    pods: new Map(w.pods),
    buses: new Map(w.buses),
    links: new Map(w.links),
    telemetry: new Map(w.telemetry),
    stages: w.stages,
    phase: w.phase,
    shared: false,
  };
}

/** Applies record `w.idx` (with its effect) and advances. */
export function step(w: Working, record: JournalRecord, effect: Effect | undefined): void {
  if (record.kind === 'telemetry') w.telemetry.set(record.channel, record.values);
  else if (effect) applyEffect(w, effect);
  w.idx++;
}

function applyEffect(w: Working, e: Effect): void {
  switch (e.on) {
    case 'nodes':
      w.nodes.set(e.key, e.value);
      return;
    case 'pods':
      if (e.value) w.pods.set(e.key, e.value);
      else w.pods.delete(e.key);
      return;
    case 'buses':
      w.buses.set(e.key, e.value);
      return;
    case 'links':
      w.links.set(e.key, e.value);
      return;
    case 'stages':
      w.stages = e.value;
      return;
    case 'phase':
      w.phase = e.value;
      return;
  }
}
