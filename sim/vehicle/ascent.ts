// A point-mass ascent in the launch plane: thrust, mass flow, drag in a standard atmosphere and
// inverse-square gravity. The pitch kick is solved per vehicle so any profile's booster reaches a
// sensible climb angle at burnout; stateAt then reads samples of one RK4 integration.
import type { Profile } from '../profile/index.ts';
import { burnSchedule, type BurnSchedule } from './burns.ts';
import { flightPathDeg, integrate } from './integrate.ts';
import type { AscentEvent, AscentModel, AscentState } from './types.ts';

export const ASCENT_STEP_MS = 100;
/**
 * Climb angle wanted when the lift-off burn ends. Falcon 9 and Electron boosters shut down some
 * 25-35° above the horizon; lower and the upper stage sinks back into the air, higher and it wastes
 * energy climbing.
 */
export const BOOSTER_BURNOUT_CLIMB_DEG = 30;
const KICK_RANGE_DEG: readonly [number, number] = [0.05, 30];

/**
 * Bisection on the pitch kick: a bigger kick tips the gravity turn over sooner, so the climb angle
 * at burnout falls monotonically with it. A 1 s step and 18 halvings (~0.0001°) are plenty for the search.
 */
export function solveKick(s: BurnSchedule, targetDeg: number = BOOSTER_BURNOUT_CLIMB_DEG): number {
  const burnout = Math.max(...s.burns.filter((b) => b.liftoffBurn).map((b) => b.endMs));
  const climb = (kick: number): number => {
    const run = integrate(s, kick, burnout, 1000, false);
    return run.impactMs !== undefined ? -90 : flightPathDeg(run.y);
  };
  let [lo, hi] = KICK_RANGE_DEG;
  if (climb(lo) <= targetDeg) return lo;
  if (climb(hi) >= targetDeg) return hi;
  for (let i = 0; i < 18; i++) {
    const mid = (lo + hi) / 2;
    if (climb(mid) > targetDeg) lo = mid;
    else hi = mid;
  }
  // Rounded so a last-bit difference in floating point cannot change the trajectory between runs.
  return Math.round(((lo + hi) / 2) * 1e6) / 1e6;
}

function lerp(a: AscentState, b: AscentState, tMs: number): AscentState {
  const f = (tMs - a.tMs) / (b.tMs - a.tMs);
  const mix = (p: number, q: number): number => p + (q - p) * f;
  return {
    ...a,
    tMs,
    altitudeM: mix(a.altitudeM, b.altitudeM),
    velocityMps: mix(a.velocityMps, b.velocityMps),
    accelerationMps2: mix(a.accelerationMps2, b.accelerationMps2),
    dynamicPressurePa: mix(a.dynamicPressurePa, b.dynamicPressurePa),
    machApprox: mix(a.machApprox, b.machApprox),
    downrangeM: mix(a.downrangeM, b.downrangeM),
    flightPathDeg: mix(a.flightPathDeg, b.flightPathDeg),
  };
}

/** Integrates the whole ascent once; undefined when the profile has no ascent block. */
export function ascentModel(profile: Profile, stepMs: number = ASCENT_STEP_MS): AscentModel | undefined {
  const s = burnSchedule(profile);
  if (!s) return undefined;
  const kickDeg = solveKick(s);
  const { samples, impactMs } = integrate(s, kickDeg, Math.max(profile.durationMs, s.ignitionMs), stepMs);
  const events: AscentEvent[] = [];
  for (const b of s.burns) {
    events.push({ tMs: b.startMs, kind: 'ignition', stage: b.stage });
    events.push({ tMs: b.endMs, kind: b.flameOut ? 'flame-out' : 'cutoff', stage: b.stage });
    if (Number.isFinite(b.separationMs)) events.push({ tMs: b.separationMs, kind: 'stage-dropped', stage: b.stage });
  }
  let maxQ = samples[0]!;
  for (const x of samples) if (x.dynamicPressurePa > maxQ.dynamicPressurePa) maxQ = x;
  events.push({ tMs: maxQ.tMs, kind: 'max-q' });
  if (impactMs !== undefined) events.push({ tMs: impactMs, kind: 'impact' });
  events.sort((a, b) => a.tMs - b.tMs);
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;

  function stateAt(tMs: number): AscentState {
    if (tMs <= first.tMs) return { ...first, tMs };
    if (tMs >= last.tMs) return { ...last, tMs };
    let lo = 0;
    let hi = samples.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (samples[mid]!.tMs <= tMs) lo = mid;
      else hi = mid;
    }
    const a = samples[lo]!;
    return a.tMs === tMs ? a : lerp(a, samples[hi]!, tMs);
  }

  return {
    stateAt,
    maxQ: { tMs: maxQ.tMs, dynamicPressurePa: maxQ.dynamicPressurePa, altitudeM: maxQ.altitudeM },
    events,
    stepMs,
    kickDeg,
  };
}
