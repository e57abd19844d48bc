// Which charts the panel draws, from the series the journal has: flight (altitude, velocity, dynamic
// pressure), power (bus voltages) and pods (Ready / Pending per workload). Absent data, no chart.

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  /** Series names as the model knows them ("vehicle.altitudeM", "bus/s1-bus.volts", "ready/gnc"). */
  readonly series: readonly string[];
  /** Multiplies values for display (m → km). */
  readonly factor: number;
  /** Step lines (counts change in jumps) rather than straight segments. */
  readonly stepped: boolean;
}

const FLIGHT: readonly { id: string; title: string; unit: string; name: string; factor: number }[] = [
  { id: 'altitude', title: 'Altitude', unit: 'km', name: 'vehicle.altitudeM', factor: 0.001 },
  { id: 'velocity', title: 'Velocity', unit: 'm/s', name: 'vehicle.velocityMps', factor: 1 },
  { id: 'dynamic-pressure', title: 'Dynamic pressure', unit: 'kPa', name: 'vehicle.dynamicPressurePa', factor: 0.001 },
];

export function chartSpecs(seriesNames: readonly string[], podSeriesNames: readonly string[]): ChartSpec[] {
  const have = new Set(seriesNames);
  const specs: ChartSpec[] = [];
  for (const f of FLIGHT) if (have.has(f.name)) specs.push({ id: f.id, title: f.title, unit: f.unit, series: [f.name], factor: f.factor, stepped: false });
  const buses = seriesNames.filter((n) => /^bus\/.+\.volts$/.test(n)).sort();
  if (buses.length > 0) specs.push({ id: 'bus-volts', title: 'Bus voltage', unit: 'V', series: buses, factor: 1, stepped: false });
  const ready = podSeriesNames.filter((n) => n.startsWith('ready/')).sort();
  const pending = podSeriesNames.filter((n) => n.startsWith('pending/')).sort();
  if (ready.length > 0) specs.push({ id: 'pods-ready', title: 'Pods Ready', unit: 'pods', series: ready, factor: 1, stepped: true });
  if (pending.length > 0) specs.push({ id: 'pods-pending', title: 'Pods Pending', unit: 'pods', series: pending, factor: 1, stepped: true });
  return specs;
}

/** The legend name of a series: "bus/s1-bus.volts" → "s1-bus", "ready/gnc" → "gnc". */
export function seriesLabel(name: string): string {
  const bus = /^bus\/(.+)\.[^.]+$/.exec(name);
  if (bus) return bus[1]!;
  const pod = /^(?:ready|pending)\/(.+)$/.exec(name);
  if (pod) return pod[1]!;
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1) : name;
}

/** Distinguishable on the dark background, and not the status colours (green/red) alone. */
export const SERIES_COLOURS = ['#5ab0ff', '#ffb454', '#b18cff', '#4fd6be', '#ff7eb6', '#c3e88d', '#f78c6c', '#89ddff'] as const;

export function seriesColour(i: number): string {
  return SERIES_COLOURS[((i % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length]!;
}

/** Compact value label: 12 345 → "12.3k", 0.0042 → "0.0042". */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(a >= 1e5 ? 0 : 1)}k`;
  if (a >= 100 || Number.isInteger(v)) return String(Math.round(v));
  if (a >= 1) return v.toFixed(1);
  return a === 0 ? '0' : v.toPrecision(2);
}
