// createJournalModel: a journal being read (file or live stream) → scene state at any instant, log, series.
import { countPrefix } from './bisect.ts';
import { effectOf, indexLayout, initialWorking, type LayoutIndex } from './interpret.ts';
import { layoutOf } from './layout.ts';
import { actionLine, eventLine, expectLine, logLine, nodeChangeLine, signalLine } from './log-text.ts';
import { SeekIndex } from './seek.ts';
import { PodSeries, TelemetrySeries } from './series.ts';
import type { ExpectationView, JournalHeader, JournalLayout, JournalModel, JournalRecord, LogEntry, SceneState, Series } from './types.ts';
import { step, type Effect, type Working } from './working.ts';

const DEFAULT_EVENTS_LIMIT = 20;

export interface JournalModelOptions {
  /** Fewest records between two snapshots (tests make it small to exercise seeking); see seek.ts. */
  readonly minSnapshotSpacing?: number;
}

/**
 * A model of the journal. With no layout in the header (older journals) the layout is derived from
 * the records given here; records appended later that name new nodes still show, staged by their own
 * data or labels.
 */
export function createJournalModel(header: JournalHeader, records?: Iterable<JournalRecord>, options: JournalModelOptions = {}): JournalModel {
  const initial = records === undefined ? [] : Array.isArray(records) ? (records as JournalRecord[]) : [...records];
  const model = new Model(header, layoutOf(header, initial), options.minSnapshotSpacing);
  for (const r of initial) model.append(r);
  return model;
}

class Model implements JournalModel {
  readonly layout: JournalLayout;
  private readonly ix: LayoutIndex;
  private readonly records: JournalRecord[] = [];
  private readonly effects: (Effect | undefined)[] = [];
  private readonly head: Working;
  private readonly seek: SeekIndex;
  private readonly entries: LogEntry[] = [];
  /** Log entry positions per "node:<name>" / "pod:<ns/name>", for eventsFor. */
  private readonly bySubject = new Map<string, number[]>();
  private readonly telemetry = new TelemetrySeries();
  private readonly pods = new PodSeries();
  private readonly verdicts = new Map<string, ExpectationView>();
  private expectList: readonly ExpectationView[] | undefined;
  /** Layout phases sorted by time, for the phase at an instant between flight-phase signals. */
  private readonly phases: readonly { readonly t: number; readonly name: string }[];
  private first = Infinity;
  private last = -Infinity;
  private lastState: SceneState | undefined;
  private lastWorking: Working | undefined;

  constructor(readonly header: JournalHeader, layout: JournalLayout, minSnapshotSpacing?: number) {
    this.layout = layout;
    this.ix = indexLayout(layout);
    this.head = initialWorking(this.ix);
    this.seek = new SeekIndex(this.records, this.effects, this.head, minSnapshotSpacing);
    this.phases = [...layout.phases].sort((a, b) => a.t - b.t);
  }

  get startMs(): number {
    return this.records.length ? this.first : this.layout.startMs;
  }

  get endMs(): number {
    return this.records.length ? this.last : this.layout.startMs + this.layout.durationMs;
  }

  get recordCount(): number {
    return this.records.length;
  }

  append(r: JournalRecord): void {
    const index = this.records.length;
    const effect = effectOf(this.head, r, this.ix);
    this.records.push(r);
    this.effects.push(effect);
    if (r.t < this.first) this.first = r.t;
    if (r.t > this.last) this.last = r.t;
    this.note(index, r, effect);
    step(this.head, r, effect);
    this.seek.appended(r.t, this.head);
  }

  stateAt(t: number): SceneState {
    const idx = this.seek.countAt(t);
    const w = this.seek.workingAt(idx);
    const prev = this.lastState;
    if (prev && prev.t === t && this.lastWorking === w && w.idx === idx) return prev;
    const state: SceneState = {
      t,
      phase: this.phaseAt(t, w),
      stages: w.stages,
      nodes: w.nodes,
      pods: w.pods,
      buses: w.buses,
      links: w.links,
      telemetry: w.telemetry,
    };
    this.lastState = state;
    this.lastWorking = w;
    return state;
  }

  log(): readonly LogEntry[] {
    return this.entries;
  }

  series(name: string): Series | undefined {
    return this.telemetry.get(name);
  }

  seriesNames(): readonly string[] {
    return this.telemetry.names();
  }

  podSeries(): readonly Series[] {
    return this.pods.all();
  }

  podTotals(): { readonly ready: Series; readonly pending: Series } {
    return this.pods.totals;
  }

  expectations(): readonly ExpectationView[] {
    if (this.expectList) return this.expectList;
    const out: ExpectationView[] = this.layout.expectations.map((e) => this.verdicts.get(e.name) ?? { name: e.name, type: e.type, status: 'pending' });
    const named = new Set(this.layout.expectations.map((e) => e.name));
    for (const [name, v] of this.verdicts) if (!named.has(name)) out.push(v);
    return (this.expectList = out);
  }

  eventsFor(subject: { kind: 'node' | 'pod'; key: string }, t: number, limit = DEFAULT_EVENTS_LIMIT): readonly LogEntry[] {
    const list = this.bySubject.get(`${subject.kind}:${subject.key}`);
    if (!list) return [];
    // Entries are in journal order; the first one later than t ends the window.
    const lo = countPrefix(list.length, (i) => this.entries[list[i]!]!.t <= t);
    const out: LogEntry[] = [];
    for (let i = Math.max(0, lo - limit); i < lo; i++) out.push(this.entries[list[i]!]!);
    return out;
  }

  private phaseAt(t: number, w: Working): string {
    const lo = countPrefix(this.phases.length, (i) => this.phases[i]!.t <= t);
    const planned = lo > 0 ? this.phases[lo - 1] : undefined;
    // The flight-phase signal reached wins over a planned marker at the same time or earlier.
    if (w.phase && (!planned || w.phase.t >= planned.t)) return w.phase.name;
    return planned?.name ?? '';
  }

  /** Log lines, series and verdicts for record `index` (the head is still just before it). */
  private note(index: number, r: JournalRecord, effect: Effect | undefined): void {
    switch (r.kind) {
      case 'signal':
        return this.push(index, r.t, signalLine(r.signal));
      case 'action':
        return this.push(index, r.t, actionLine(r));
      case 'expect':
        this.verdicts.set(r.name, {
          name: r.name,
          type: this.layout.expectations.find((e) => e.name === r.name)?.type ?? 'unknown',
          status: r.status,
          t: r.t,
          ...(r.message !== undefined ? { message: r.message } : {}),
        });
        this.expectList = undefined;
        return this.push(index, r.t, expectLine(r));
      case 'log':
        return this.push(index, r.t, logLine(r));
      case 'telemetry':
        return this.telemetry.add(r.t, r.channel, r.values);
      case 'cluster':
        if (r.resource === 'events') return this.push(index, r.t, eventLine(r));
        if (effect?.on === 'nodes') {
          const line = nodeChangeLine(this.head.nodes.get(r.name), effect.value);
          if (line) this.push(index, r.t, line);
        } else if (effect?.on === 'pods') {
          const key = effect.key;
          const prev = this.head.pods.get(key);
          this.pods.change(r.t, prev, effect.value);
          if (r.data?.lost === true && prev) {
            const text = `pod ${key} lost${prev.node ? ` (was on ${prev.node})` : ''}`;
            this.push(index, r.t, { category: 'cluster', severity: 'warn', text, subject: { kind: 'pod', key } });
          }
        }
        return;
    }
  }

  private push(index: number, t: number, line: Omit<LogEntry, 'index' | 't'>): void {
    const entry: LogEntry = { index, t, ...line };
    const pos = this.entries.push(entry) - 1;
    if (entry.subject) {
      const k = `${entry.subject.kind}:${entry.subject.key}`;
      let list = this.bySubject.get(k);
      if (!list) this.bySubject.set(k, (list = []));
      list.push(pos);
    }
  }
}
