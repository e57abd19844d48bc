// The frame schedule, pure: script steps mapped to wall time (from a start point, at a speed), merged
// with heartbeats and the periodic state refresh. The runner only sleeps until each item and writes it.
import type { SerialMessage } from '../sources/serial/index.ts';
import type { ScriptStep } from './script.ts';

export interface ScheduleOptions {
  /** Mission time the run starts at; steps before it are folded into the start state. */
  readonly fromMs: number;
  /** Mission ms per wall ms; default 1. */
  readonly speed?: number;
  /** Wall ms between HB frames; default 100 (10 Hz, ten beats inside the HAL's 1 s timeout). */
  readonly heartbeatMs?: number;
  /** Wall ms between re-sends of the key and switch states; default 1000; 0 turns it off. */
  readonly refreshMs?: number;
}

export interface ScheduleItem {
  /** Wall ms after the run started. */
  readonly wallMs: number;
  /** Script frames due now, in order. */
  readonly events: readonly SerialMessage[];
  readonly notes: readonly string[];
  readonly heartbeat: boolean;
  readonly refresh: boolean;
  /** True on the item carrying the last script step (and on every item after it). */
  readonly scriptDone: boolean;
}

export const DEFAULT_HEARTBEAT_MS = 100;
export const DEFAULT_REFRESH_MS = 1000;

/** Steps before `fromMs`, which the box already lived through: the runner applies them to its start state. */
export function stepsBefore(steps: readonly ScriptStep[], fromMs: number): ScriptStep[] {
  return steps.filter((s) => s.atMs < fromMs);
}

/**
 * An endless schedule: item 0 at wall 0 carries a heartbeat and a refresh, then script frames at (atMs − fromMs) / speed + offsetMs, heartbeats and refreshes.
 * Items at the same wall ms are merged; within an item, script frames go first.
 */
export function* frameSchedule(steps: readonly ScriptStep[], options: ScheduleOptions): Generator<ScheduleItem, never> {
  const speed = options.speed ?? 1;
  const hbEvery = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const refreshEvery = options.refreshMs ?? DEFAULT_REFRESH_MS;
  if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed ${speed} must be > 0`);
  if (!Number.isFinite(hbEvery) || hbEvery <= 0) throw new RangeError(`heartbeatMs ${hbEvery} must be > 0`);
  if (!Number.isFinite(refreshEvery) || refreshEvery < 0) throw new RangeError(`refreshMs ${refreshEvery} must be >= 0`);
  const due = steps
    .filter((s) => s.atMs >= options.fromMs)
    .map((s) => ({ s, wall: (s.atMs - options.fromMs) / speed + s.offsetMs }))
    .sort((a, b) => a.wall - b.wall);
  let i = 0;
  let nextHb = 0;
  let nextRefresh = refreshEvery > 0 ? 0 : Infinity;
  for (;;) {
    const nextStep = i < due.length ? due[i]!.wall : Infinity;
    const wallMs = Math.min(nextStep, nextHb, nextRefresh);
    const events: SerialMessage[] = [];
    const notes: string[] = [];
    for (; i < due.length && due[i]!.wall === wallMs; i++) {
      events.push(due[i]!.s.message);
      if (!notes.includes(due[i]!.s.note)) notes.push(due[i]!.s.note);
    }
    const heartbeat = nextHb === wallMs;
    const refresh = nextRefresh === wallMs;
    if (heartbeat) nextHb += hbEvery;
    if (refresh) nextRefresh += refreshEvery;
    yield { wallMs, events, notes, heartbeat, refresh, scriptDone: i >= due.length };
  }
}
