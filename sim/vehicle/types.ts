// The vehicle model's public types: ascent state, phase markers, bus and link states, and the records
// vehicleSignals produces.
import type { SignalRecord, TelemetryRecord } from '../../hal/signals/index.ts';

/** pad: before lift-off (or held down); powered: some engine thrusts; coast: none does; impact: hit the ground. */
export type AscentPhase = 'pad' | 'powered' | 'coast' | 'impact';

export interface AscentState {
  tMs: number;
  altitudeM: number;
  /** Speed in the non-rotating Earth-centred frame (no launch-site rotation), m/s. */
  velocityMps: number;
  /** What an accelerometer reads: thrust and drag over mass (gravity excluded), m/s². */
  accelerationMps2: number;
  dynamicPressurePa: number;
  machApprox: number;
  massKg: number;
  downrangeM: number;
  /** Angle of the velocity above the local horizontal, degrees. */
  flightPathDeg: number;
  phase: AscentPhase;
  /** Stages thrusting now (empty unless powered). */
  burning: readonly string[];
}

export interface AscentEvent {
  tMs: number;
  kind: 'ignition' | 'cutoff' | 'flame-out' | 'stage-dropped' | 'max-q' | 'impact';
  stage?: string;
}

export interface AscentModel {
  /** The state at mission time t; before ignition the vehicle stands on the pad fully fuelled. */
  stateAt(tMs: number): AscentState;
  readonly maxQ: { tMs: number; dynamicPressurePa: number; altitudeM: number };
  /** Ignitions, cutoffs (scheduled or propellant exhausted), stage drops, Max-Q; time-ordered. */
  readonly events: readonly AscentEvent[];
  /** The integrator's step, ms. */
  readonly stepMs: number;
  /** The pitch kick the model solved for (degrees from vertical). */
  readonly kickDeg: number;
}

export interface PhaseMarker {
  tMs: number;
  /** liftoff, max-q, prepare-separation, separation, or the profile's own phase name (MECO, fairing, …). */
  name: string;
  /** timeline: the profile said so; ascent: the ascent model computed it (ignition, cutoff, max-q). */
  source: 'timeline' | 'ascent';
  stage?: string;
  /** Index of the timeline entry it came from. */
  timelineIndex?: number;
  timelineId?: string;
}

export interface FlightPhases {
  readonly markers: readonly PhaseMarker[];
  /** Name of the latest timeline marker at or before t; before the first, "pre-launch" (or "mission" without a liftoff). */
  phaseAt(tMs: number): string;
}

/** nominal / brownout / cutoff follow the bus voltage with hysteresis, exactly as hal/wiring does. */
export type BusLevel = 'nominal' | 'brownout' | 'cutoff';

export interface BusState {
  tMs: number;
  volts: number;
  /** False while a scripted powerLoss holds the bus dead (volts 0). */
  powered: boolean;
  level: BusLevel;
  /** Present when the bus has a battery. */
  stateOfChargePercent?: number;
  loadWatts: number;
  solarWatts: number;
}

export interface PowerEvent {
  tMs: number;
  bus: string;
  /** reading → a hal/signals `power` signal; lost / restored → `power-state`. */
  kind: 'reading' | 'lost' | 'restored';
  millivolts: number;
  level: BusLevel;
  /** Set on the reading that moved the level (brownout/cutoff crossings). */
  crossing?: { from: BusLevel; to: BusLevel };
  cause: 'initial' | 'script' | 'script-end' | 'model';
  timelineIndex?: number;
  timelineId?: string;
}

export interface BusModel {
  readonly bus: string;
  stateAt(tMs: number): BusState;
  /** Time-ordered readings, losses and restores of this bus. */
  readonly events: readonly PowerEvent[];
}

export interface PowerModel {
  readonly buses: readonly BusModel[];
  bus(name: string): BusModel | undefined;
  /** Every bus's events merged in time order (a bus's own order kept at equal times). */
  readonly events: readonly PowerEvent[];
  /** Only the readings that moved a level: the brownout / cutoff crossings. */
  readonly crossings: readonly PowerEvent[];
}

export interface LinkState {
  tMs: number;
  up: boolean;
  /** One-way latency while up. */
  latencyMs?: number;
  /** The ground station in view, when windows decide it. */
  station?: string;
}

export interface LinkEvent {
  tMs: number;
  link: string;
  up: boolean;
  latencyMs?: number;
  station?: string;
  cause: 'initial' | 'window' | 'script';
  timelineIndex?: number;
  timelineId?: string;
}

export interface LinkTrack {
  readonly link: string;
  stateAt(tMs: number): LinkState;
  readonly events: readonly LinkEvent[];
}

export interface LinkModel {
  readonly links: readonly LinkTrack[];
  link(name: string): LinkTrack | undefined;
  readonly events: readonly LinkEvent[];
}

/** What vehicleSignals yields: journal-ready signal and telemetry records. */
export type VehicleRecord = SignalRecord | TelemetryRecord;

export interface VehicleSignalsOptions {
  /** Telemetry sample interval, ms; 0 turns telemetry off. Default 1000. */
  telemetryEveryMs?: number;
  /** Battery buses: emit a reading when the voltage has moved this far since the last one. Default 250. */
  powerReadingStepMillivolts?: number;
}
