// The burn schedule of an ascent: when each stage thrusts, how much it weighs, when it is dropped.
// Mass flow is constant, so mass is a closed-form function of time and the integrator only carries
// position and velocity.
import type { Profile } from '../profile/index.ts';

export interface Burn {
  stage: string;
  startMs: number;
  /** When thrust actually stops: the scheduled cutoff, or earlier if the propellant runs out. */
  endMs: number;
  scheduledEndMs: number;
  /** True when the tanks ran dry before the scheduled cutoff. */
  flameOut: boolean;
  thrustN: number;
  massFlowKgPerS: number;
  dryMassKg: number;
  propellantMassKg: number;
  /** When the stage leaves the vehicle (mass and thrust both go); Infinity if it never does. */
  separationMs: number;
  /** A burn that starts at lift-off flies the gravity turn; later burns fly the upper-stage guidance. */
  liftoffBurn: boolean;
}

export interface BurnSchedule {
  readonly burns: readonly Burn[];
  readonly payloadMassKg: number;
  readonly dragAreaM2: number;
  readonly dragCoefficient: number;
  /** First ignition: the vehicle sits on the pad before it. */
  readonly ignitionMs: number;
  /** Every time thrust or mass jumps; the integrator lands a step exactly on each. */
  readonly breakpointsMs: readonly number[];
}

/**
 * A stage is dropped at its `separation` timeline entry; without one, when a later stage ignites
 * (hot staging aside, nothing flies with a spent stage attached); the last stage is never dropped.
 */
function separationTime(profile: Profile, stage: string, endMs: number, starts: readonly number[]): number {
  const entry = profile.timeline.find((e) => e.event === 'separation' && e.stage === stage);
  if (entry) return entry.atMs;
  const next = starts.filter((s) => s >= endMs).sort((a, b) => a - b)[0];
  return next ?? Infinity;
}

/** undefined when the profile has no ascent block. */
export function burnSchedule(profile: Profile): BurnSchedule | undefined {
  const ascent = profile.vehicle.ascent;
  if (!ascent || ascent.stages.length === 0) return undefined;
  const starts = ascent.stages.map((s) => s.burnStartMs);
  const ignitionMs = Math.min(...starts);
  const burns = ascent.stages.map((s): Burn => {
    const burnMs = s.massFlowKgPerS > 0 ? (s.propellantMassKg / s.massFlowKgPerS) * 1000 : Infinity;
    const dryAt = s.burnStartMs + burnMs;
    const flameOut = dryAt < s.burnEndMs;
    const endMs = flameOut ? Math.round(dryAt) : s.burnEndMs;
    return {
      stage: s.stage,
      startMs: s.burnStartMs,
      endMs,
      scheduledEndMs: s.burnEndMs,
      flameOut,
      thrustN: s.thrustN,
      massFlowKgPerS: s.massFlowKgPerS,
      dryMassKg: s.dryMassKg,
      propellantMassKg: s.propellantMassKg,
      separationMs: separationTime(profile, s.stage, endMs, starts),
      liftoffBurn: s.burnStartMs === ignitionMs,
    };
  });
  const points = new Set<number>();
  for (const b of burns) {
    points.add(b.startMs);
    points.add(b.endMs);
    if (Number.isFinite(b.separationMs)) points.add(b.separationMs);
  }
  return {
    burns,
    payloadMassKg: ascent.payloadMassKg,
    dragAreaM2: ascent.dragAreaM2,
    dragCoefficient: ascent.dragCoefficient,
    ignitionMs,
    breakpointsMs: [...points].sort((a, b) => a - b),
  };
}

const attached = (b: Burn, tMs: number): boolean => tMs < b.separationMs;

/**
 * Vehicle mass at t: payload plus every stage still attached, less the propellant it has burnt. `attachedAtMs`
 * (default t) decides which stages are attached: an integration step ending on a separation keeps the stage
 * for all its RK4 stages, so the mass never jumps inside a step.
 */
export function massAt(s: BurnSchedule, tMs: number, attachedAtMs: number = tMs): number {
  let m = s.payloadMassKg;
  for (const b of s.burns) {
    if (!attached(b, attachedAtMs)) continue;
    const burntS = Math.min(Math.max(tMs - b.startMs, 0), b.endMs - b.startMs) / 1000;
    m += b.dryMassKg + Math.max(0, b.propellantMassKg - b.massFlowKgPerS * burntS);
  }
  return m;
}

/** Whether the burn thrusts at t (start inclusive, end exclusive, only while attached). */
export const isBurning = (b: Burn, tMs: number): boolean => attached(b, tMs) && tMs >= b.startMs && tMs < b.endMs;

/** The burns thrusting at t. */
export function burningAt(s: BurnSchedule, tMs: number): Burn[] {
  return s.burns.filter((b) => isBurning(b, tMs));
}
