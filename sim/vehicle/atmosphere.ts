// Earth's atmosphere and gravity for the ascent model: US Standard Atmosphere 1976 below 86 km,
// a log-linear density table above it (thin enough that only dynamic pressure cares).

/** Earth's gravitational parameter, m³/s² (WGS 84). */
export const EARTH_GM = 3.986004418e14;
/** Mean Earth radius, m. A sphere is plenty for altitude and velocity telemetry. */
export const EARTH_RADIUS_M = 6_371_000;

/** US-1976: effective Earth radius for geopotential altitude, m. */
const R0 = 6_356_766;
/** Specific gas constant of dry air, J/(kg·K), and its heat-capacity ratio. */
const R_AIR = 287.053;
const GAMMA = 1.4;
const G0 = 9.80665;

/** US-1976 layers below 86 km: base geopotential altitude (m), temperature (K), lapse (K/m), pressure (Pa). */
const LAYERS: readonly (readonly [number, number, number, number])[] = [
  [0, 288.15, -0.0065, 101_325],
  [11_000, 216.65, 0, 22_632.06],
  [20_000, 216.65, 0.001, 5_474.889],
  [32_000, 228.65, 0.0028, 868.0187],
  [47_000, 270.65, 0, 110.9063],
  [51_000, 270.65, -0.0028, 66.93887],
  [71_000, 214.65, -0.002, 3.956_420],
];
/** Geometric 86 km, where the table above takes over. */
const TOP_M = 86_000;
const TOP_TEMPERATURE_K = 186.87;

/** Above 86 km: geometric altitude (m) → density (kg/m³), US-1976 tabulated values. */
const UPPER: readonly (readonly [number, number])[] = [
  [86_000, 6.958e-6],
  [100_000, 5.604e-7],
  [110_000, 9.708e-8],
  [120_000, 2.222e-8],
  [150_000, 2.076e-9],
  [200_000, 2.541e-10],
  [300_000, 1.916e-11],
  [500_000, 5.215e-13],
  [1_000_000, 3.561e-15],
];

export interface Air {
  densityKgM3: number;
  temperatureK: number;
  speedOfSoundMps: number;
}

function lowerAir(altitudeM: number): Air {
  const h = (R0 * altitudeM) / (R0 + altitudeM); // geopotential altitude
  let layer = LAYERS[0]!;
  for (const l of LAYERS) if (h >= l[0]) layer = l;
  const [hb, tb, lapse, pb] = layer;
  const t = tb + lapse * (h - hb);
  // upstream: US Standard Atmosphere 1976, eq. 33a (lapse ≠ 0) and 33b (isothermal).
  const p = lapse === 0 ? pb * Math.exp((-G0 * (h - hb)) / (R_AIR * tb)) : pb * (tb / t) ** (G0 / (R_AIR * lapse));
  return { densityKgM3: p / (R_AIR * t), temperatureK: t, speedOfSoundMps: Math.sqrt(GAMMA * R_AIR * t) };
}

/** Each UPPER segment's log-density slope, 1/m: the integrator reads ρ above 86 km ~10,000 times a run. */
const UPPER_SLOPES = UPPER.slice(1).map(([z1, r1], i) => {
  const [z0, r0] = UPPER[i]!;
  return Math.log(r1 / r0) / (z1 - z0);
});

function upperDensity(altitudeM: number): number {
  for (let i = 1; i < UPPER.length; i++) {
    if (altitudeM <= UPPER[i]![0]) {
      const [z0, r0] = UPPER[i - 1]!;
      return r0 * Math.exp(UPPER_SLOPES[i - 1]! * (altitudeM - z0));
    }
  }
  return 0;
}

/** airAt(altitudeM).densityKgM3 without building the Air object (the integrator's drag needs only ρ). */
export function airDensityAt(altitudeM: number): number {
  const z = Math.max(0, altitudeM);
  return z < TOP_M ? lowerAir(z).densityKgM3 : upperDensity(z);
}

/** Air at a geometric altitude; below sea level is sea level (the pad). */
export function airAt(altitudeM: number): Air {
  const z = Math.max(0, altitudeM);
  if (z < TOP_M) return lowerAir(z);
  // Mach above 86 km is only "approx": the speed of sound is held at the 86 km value.
  return {
    densityKgM3: upperDensity(z),
    temperatureK: TOP_TEMPERATURE_K,
    speedOfSoundMps: Math.sqrt(GAMMA * R_AIR * TOP_TEMPERATURE_K),
  };
}
