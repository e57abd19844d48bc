// What a stand-in switch box reports on: its separation planes (with their redundant switches),
// power buses and radio links — taken from the wiring (planes) and the profile's vehicle (buses, links).

export interface BoxPlane {
  readonly plane: string;
  readonly stage?: string;
  readonly switches: readonly string[];
}

export interface BoxBus {
  readonly bus: string;
  readonly nominalMillivolts: number;
}

export interface BoxLayout {
  readonly planes: readonly BoxPlane[];
  readonly buses: readonly BoxBus[];
  readonly links: readonly string[];
}

/** The part of a profile's vehicle the box needs; a sim/profile Vehicle fits. */
export interface LayoutVehicle {
  readonly powerBuses: readonly { readonly name: string; readonly nominalVolts: number }[];
  readonly links: readonly { readonly name: string }[];
}

/** Volts as the box reports them: whole millivolts (PWR frames carry integers). */
export function toMillivolts(volts: number): number {
  return Math.max(0, Math.round(volts * 1000));
}

export function layoutFromVehicle(vehicle: LayoutVehicle, planes: readonly BoxPlane[]): BoxLayout {
  return {
    planes,
    buses: vehicle.powerBuses.map((b) => ({ bus: b.name, nominalMillivolts: toMillivolts(b.nominalVolts) })),
    links: vehicle.links.map((l) => l.name),
  };
}

/** Without a profile or wiring: one 2-of-2 plane, one 28 V bus, one link — enough to rehearse by hand. */
export const DEMO_LAYOUT: BoxLayout = {
  planes: [{ plane: 'stage1', stage: 'stage1', switches: ['stage1-a', 'stage1-b'] }],
  buses: [{ bus: 'bus', nominalMillivolts: 28_000 }],
  links: ['link'],
};

/** Throws on a layout the box could not report unambiguously (the HAL would refuse it too). */
export function checkLayout(layout: BoxLayout): void {
  const seen = new Set<string>();
  for (const p of layout.planes) {
    if (p.switches.length === 0) throw new RangeError(`plane ${p.plane} has no switches`);
    for (const s of p.switches) {
      if (seen.has(s)) throw new RangeError(`switch ${s} is listed twice`);
      seen.add(s);
    }
  }
}
