// Semantic checks on the timeline, the expectations and the mission duration.

import type { CheckContext } from './check-context.ts';
import { DEFAULTS } from './defaults.ts';
import { formatMissionTime, parseMissionTime } from './duration.ts';
import { checkWindow } from './check-vehicle.ts';
import type { Path } from './path.ts';
import { num, rec, records, str, type Raw } from './raw.ts';

/** Mission end: `duration` if given and valid, else the last timeline entry + 5 min. */
export function missionEnd(root: Raw): number {
  const given = parseMissionTime(root.duration);
  if (given !== undefined) return given;
  const times = records(root.timeline).map(([e]) => parseMissionTime(e.at)).filter((t): t is number => t !== undefined);
  return Math.max(0, ...times) + DEFAULTS.tailMs;
}

function checkEntry(ctx: CheckContext, e: Raw, at: Path, separated: Map<string, number>, t: number | undefined): void {
  const { names } = ctx;
  const stage = e.stage;
  if (stage !== undefined) ctx.ref([...at, 'stage'], stage, names.stages.keys(), 'stage');
  if (e.bus !== undefined) ctx.ref([...at, 'bus'], e.bus, names.buses.keys(), 'power bus');
  if (e.link !== undefined) ctx.ref([...at, 'link'], e.link, names.links.keys(), 'link');
  if (e.node !== undefined) ctx.ref([...at, 'node'], e.node, names.nodes.keys(), 'node');
  if (e.workload !== undefined) ctx.ref([...at, 'workload'], e.workload, names.workloads.keys(), 'workload');
  if (e.event === 'scale' && rec(names.workloads.get(str(e.workload) ?? ''))?.kind === 'DaemonSet') {
    ctx.add([...at, 'workload'], `cannot scale DaemonSet "${String(e.workload)}": it runs one pod per node`);
  }
  // Once a stage has left, nothing can happen to it or on it.
  const nodeStage = names.nodes.get(str(e.node) ?? '')?.stage;
  const busStages = new Set([...names.nodes.values()].filter((n) => n.powerBus !== undefined && n.powerBus === e.bus).map((n) => n.stage));
  const target = typeof stage === 'string' ? stage : nodeStage;
  if (target !== undefined && separated.has(target)) {
    ctx.add(at, `stage "${target}" already separated at ${formatMissionTime(separated.get(target) as number)}`);
  } else if (busStages.size > 0 && [...busStages].every((s) => separated.has(s))) {
    ctx.add([...at, 'bus'], `every node on bus "${String(e.bus)}" has left with its stage`);
  }
  if (e.event === 'separation' && typeof stage === 'string' && t !== undefined && !separated.has(stage)) separated.set(stage, t);
}

function checkTimeline(ctx: CheckContext, root: Raw, end: number): void {
  const entries = records(root.timeline);
  ctx.unique(entries, ['timeline'], 'timeline id', 'id');
  const separated = new Map<string, number>();
  let latest: { t: number; text: string } | undefined;
  for (const [e, i] of entries) {
    const at = ['timeline', i];
    const t = parseMissionTime(e.at);
    if (t !== undefined) {
      if (latest && t < latest.t) {
        ctx.add([...at, 'at'], `timeline is out of order: ${String(e.at)} comes after ${latest.text}; sort the entries by time`);
      } else {
        latest = { t, text: String(e.at) };
      }
      if (t > end) ctx.add([...at, 'at'], `${String(e.at)} is after the mission ends at ${formatMissionTime(end)}; raise "duration"`);
    }
    checkEntry(ctx, e, at, separated, t);
  }
}

/** `after`: a mission time, or the id of a timeline entry. */
function resolveAfter(ctx: CheckContext, value: unknown, at: Path): void {
  if (value === undefined || parseMissionTime(value) !== undefined) return;
  if (typeof value !== 'string') return;
  ctx.ref(at, value, ctx.names.timelineIds.keys(), 'timeline id');
}

function checkExpectations(ctx: CheckContext, root: Raw, end: number): void {
  const entries = records(root.expectations);
  ctx.unique(entries, ['expectations'], 'expectation');
  const { workloads, priorityClasses, nodes } = ctx.names;
  for (const [x, i] of entries) {
    const at = ['expectations', i];
    if (x.workload !== undefined) ctx.ref([...at, 'workload'], x.workload, workloads.keys(), 'workload');
    if (x.priorityClass !== undefined) ctx.ref([...at, 'priorityClass'], x.priorityClass, priorityClasses, 'priority class');
    resolveAfter(ctx, x.after, [...at, 'after']);
    const w = rec(workloads.get(str(x.workload) ?? ''));
    if (x.type === 'serviceAvailable' && w && w.service !== true) {
      ctx.add([...at, 'workload'], `workload "${String(x.workload)}" has no Service; set "service: true" on it`);
    }
    const replicas = w?.kind === 'DaemonSet' ? undefined : (num(w?.replicas) ?? (w ? DEFAULTS.replicas : undefined));
    const count = num(x.count);
    if (count !== undefined && replicas !== undefined && count > replicas) {
      ctx.add([...at, 'count'], `count ${count} can never be met: workload "${String(x.workload)}" has ${replicas} replicas`);
    }
    if (x.type === 'quorumHeld' && ![...nodes.values()].some((n) => n.role === 'control-plane')) {
      ctx.add([...at, 'type'], 'quorumHeld needs control-plane nodes; give some node role: control-plane');
    }
    const during = rec(x.during);
    if (during) {
      checkWindow(ctx, during, [...at, 'during']);
      const to = parseMissionTime(during.to);
      if (to !== undefined && to > end) {
        ctx.add([...at, 'during', 'to'], `window ends after the mission ends at ${formatMissionTime(end)}; raise "duration" or end the window earlier`);
      }
    }
  }
}

export function checkTimelineAndExpectations(ctx: CheckContext, root: Raw): void {
  const end = missionEnd(root);
  checkTimeline(ctx, root, end);
  checkExpectations(ctx, root, end);
}
