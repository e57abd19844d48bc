// sim/vehicle: the flying vehicle as a pure function of its profile and mission time — ascent
// dynamics, flight phases, power buses and radio links — and the signal stream they produce.
export { ascentModel, solveKick, ASCENT_STEP_MS, BOOSTER_BURNOUT_CLIMB_DEG } from './ascent.ts';
export { airAt, EARTH_GM, EARTH_RADIUS_M, type Air } from './atmosphere.ts';
export { burnSchedule, type Burn, type BurnSchedule } from './burns.ts';
export { flightPhases, PRE_LAUNCH, MISSION } from './phases.ts';
export { powerModel, type PowerModelOptions } from './power.ts';
export { batteryVolts, busLoadWatts, nodeWatts } from './battery.ts';
export { nextBusLevel, type Thresholds } from './bus-level.ts';
export { linkModel } from './link.ts';
export { vehicleModel, vehicleSignals, type VehicleModel } from './signals.ts';
export { FLIGHT_PHASE_SIGNAL, PREPARE_SEPARATION_SIGNAL, entryId, separationPlane } from './timeline-signals.ts';
export type * from './types.ts';
