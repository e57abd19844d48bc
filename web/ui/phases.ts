// Timeline markers: the phases the layout plans, replaced by the moments they really happened
// (flight-phase signals), plus every stage separation.
import type { JournalLayout, JournalRecord } from '../../hal/signals/index.ts';

export interface PhaseMarker {
  readonly t: number;
  readonly name: string;
  /** 'planned' from the layout and not (yet) seen in the journal. */
  readonly kind: 'planned' | 'phase' | 'separation';
}

/** The marker a record makes, if any: `custom` flight-phase signals and separations. */
export function markerOf(record: JournalRecord): PhaseMarker | undefined {
  if (record.kind !== 'signal') return undefined;
  const s = record.signal;
  if (s.type === 'custom' && s.name === 'flight-phase' && typeof s.data === 'object' && s.data !== null && !Array.isArray(s.data)) {
    const phase = (s.data as Record<string, unknown>).phase;
    if (typeof phase === 'string') return { t: s.t, name: phase, kind: 'phase' };
  }
  if (s.type === 'separation' && s.state === 'separated') return { t: s.t, name: `sep ${s.stage ?? s.plane}`, kind: 'separation' };
  return undefined;
}

/** Collects markers as records arrive (a live run), keyed by name so a phase appears once. */
export class PhaseMarkers {
  readonly #byName = new Map<string, PhaseMarker>();
  #sorted: PhaseMarker[] | undefined;

  constructor(layout?: Pick<JournalLayout, 'phases'>) {
    for (const p of layout?.phases ?? []) this.#byName.set(p.name.toLowerCase(), { t: p.t, name: p.name, kind: 'planned' });
  }

  add(record: JournalRecord): void {
    const m = markerOf(record);
    if (!m) return;
    const key = m.name.toLowerCase();
    const had = this.#byName.get(key);
    // The first real occurrence wins over the plan; a repeated signal (a re-sent phase) does not move it.
    if (had && had.kind !== 'planned') return;
    this.#byName.set(key, m);
    this.#sorted = undefined;
  }

  list(): readonly PhaseMarker[] {
    this.#sorted ??= [...this.#byName.values()].sort((a, b) => a.t - b.t || a.name.localeCompare(b.name));
    return this.#sorted;
  }
}
