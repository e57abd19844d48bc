// A point-mass ascent in the launch plane: thrust, mass flow, drag in a standard atmosphere and
// inverse-square gravity. The pitch kick is solved per vehicle so any profile's booster reaches a
// sensible climb angle at burnout; stateAt then reads samples of one RK4 integration.
import type { Profile } from '../profile/index.ts';
import { burnSchedule, type BurnSchedule } from './burns.ts';
import { flightPathDeg, integrate } from './integrate.ts';
import type { AscentEvent, AscentModel, AscentState } from './types.ts';

/**
 * The integrator's step. RK4 is fourth order here (integrate.ts keeps every jump on a step boundary), so
 * 250 ms reproduces a 10 ms integration to within one unit of the last digit the telemetry records (tested);
 * a smaller step buys nothing the journal can show and costs start-up time on every run.
 */
export const ASCENT_STEP_MS = 250;
/**
 * Climb angle wanted when the lift-off burn ends. Falcon 9 and Electron boosters shut down some
 * 25-35° above the horizon; lower and the upper stage sinks back into the air, higher and it wastes
 * energy climbing.
 */
export const BOOSTER_BURNOUT_CLIMB_DEG = 30;
const KICK_RANGE_DEG: readonly [number, number] = [0.05, 30];
/** The kick is journaled to 1e-6°; the climb angle it aims at need not be closer than a millionth of a degree either. */
const KICK_TOLERANCE_DEG = 1e-7;
const KICK_CLIMB_TOLERANCE_DEG = 1e-6;
const KICK_MAX_TRIALS = 60;

/**
 * Root-finding on the pitch kick: a bigger kick tips the gravity turn over sooner, so the climb angle at
 * burnout falls monotonically with it. Illinois (regula falsi that halves a stale end's weight) keeps the
 * bisection's bracket but converges superlinearly: ~8 trial ascents instead of 20. A 1 s step is plenty for
 * the search (the integrator is fourth order: see integrate.ts).
 */
export function solveKick(s: BurnSchedule, targetDeg: number = BOOSTER_BURNOUT_CLIMB_DEG): number {
  const burnout = Math.max(...s.burns.filter((b) => b.liftoffBurn).map((b) => b.endMs));
  // Positive while the kick is too small (climbing too steeply), negative once it is too big.
  const excess = (kick: number): number => {
    const run = integrate(s, kick, burnout, 1000, false);
    return (run.impactMs !== undefined ? -90 : flightPathDeg(run.y)) - targetDeg;
  };
  let [lo, hi] = KICK_RANGE_DEG;
  let fLo = excess(lo);
  if (fLo <= 0) return lo;
  let fHi = excess(hi);
  if (fHi >= 0) return hi;
  let kept = 0;
  let mid = (lo + hi) / 2;
  for (let i = 0; i < KICK_MAX_TRIALS && hi - lo > KICK_TOLERANCE_DEG; i++) {
    mid = (lo * fHi - hi * fLo) / (fHi - fLo);
    const f = excess(mid);
    if (f === 0) break;
    if (f > 0) {
      [lo, fLo] = [mid, f];
      if (kept === 1) fHi /= 2;
      kept = 1;
    } else {
      [hi, fHi] = [mid, f];
      if (kept === -1) fLo /= 2;
      kept = -1;
    }
    if (Math.abs(f) < KICK_CLIMB_TOLERANCE_DEG) break;
  }
  // Rounded so a last-bit difference in floating point cannot change the trajectory between runs.
  return Math.round(mid * 1e6) / 1e6;
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
  let maxQ = 0;
  for (let i = 1; i < samples.length; i++) if (samples.dynamicPressurePa[i]! > samples.dynamicPressurePa[maxQ]!) maxQ = i;
  const maxQState = samples.at(maxQ);
  events.push({ tMs: maxQState.tMs, kind: 'max-q' });
  if (impactMs !== undefined) events.push({ tMs: impactMs, kind: 'impact' });
  events.sort((a, b) => a.tMs - b.tMs);
  const times = samples.times;
  const last = times.length - 1;

  function stateAt(tMs: number): AscentState {
    if (tMs <= times[0]!) return { ...samples.at(0), tMs };
    if (tMs >= times[last]!) return { ...samples.at(last), tMs };
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= tMs) lo = mid;
      else hi = mid;
    }
    const a = samples.at(lo);
    return a.tMs === tMs ? a : lerp(a, samples.at(hi), tMs);
  }

  return {
    stateAt,
    maxQ: { tMs: maxQState.tMs, dynamicPressurePa: maxQState.dynamicPressurePa, altitudeM: maxQState.altitudeM },
    events,
    stepMs,
    kickDeg,
  };
}
