// Which stages the scene draws and which nodes each carries: the layout's, plus any node the state
// knows that the layout does not (a live run can add nodes), on its stage or a stage of its own (pure).
import type { JournalLayout, SceneState } from '../model/types.ts';
import type { StackStageInput } from './stack-layout.ts';

/** Where nodes of no known stage are drawn: a small module on top of the stack. */
export const EXTRA_STAGE = 'unstaged';

/** Nodes of the state missing from the layout, sorted (so the result does not depend on map order). */
export function extraNodes(layout: JournalLayout, nodes: SceneState['nodes']): string[] {
  const known = new Set<string>();
  for (const s of layout.stages) for (const n of s.nodes) known.add(n.name);
  const extra: string[] = [];
  for (const name of nodes.keys()) if (!known.has(name)) extra.push(name);
  return extra.sort();
}

export function stackInput(layout: JournalLayout, extra: readonly string[], nodes?: SceneState['nodes']): StackStageInput[] {
  const stages = layout.stages.map((s) => ({
    name: s.name,
    order: s.order,
    nodes: s.nodes.map((n) => n.name),
    ...(s.massKg !== undefined ? { massKg: s.massKg } : {}),
  }));
  const byName = new Map(stages.map((s) => [s.name, s]));
  const homeless: string[] = [];
  for (const name of extra) {
    const stage = nodes?.get(name)?.stage;
    const into = stage !== undefined ? byName.get(stage) : undefined;
    if (into) into.nodes.push(name);
    else homeless.push(name);
  }
  if (homeless.length > 0) {
    const top = stages.reduce((m, s) => Math.max(m, s.order), 0);
    stages.push({ name: EXTRA_STAGE, order: top + 1, nodes: homeless });
  }
  return stages;
}
