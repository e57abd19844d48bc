// The web view's model contract: what the scene and the panels read, built from journal records (pure).
// The model (web/model) implements it; the scene (web/scene) and the panels (web/ui) only read it.
import type { ExpectRecord, JournalHeader, JournalLayout, JournalRecord, Signal } from '../../hal/signals/index.ts';

export type { ExpectRecord, JournalHeader, JournalLayout, JournalRecord, Signal };

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown' | 'Terminating';

export interface NodeView {
  readonly name: string;
  /** From the layout, or the node's kis.dev/stage label; undefined for a node of no known stage. */
  readonly stage?: string;
  readonly role: 'worker' | 'control-plane';
  readonly bus?: string;
  readonly ready: 'True' | 'False' | 'Unknown';
  readonly power: 'on' | 'off';
  readonly attached: boolean;
  readonly unschedulable: boolean;
  /** "key:Effect", sorted. */
  readonly taints: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly conditions: Readonly<Record<string, string>>;
  /** False once the node object is deleted (kept a moment for a fading/leaving animation). */
  readonly present: boolean;
}

export interface PodView {
  /** "namespace/name". */
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  readonly node?: string;
  readonly phase: PodPhase;
  readonly ready: boolean;
  readonly workload?: string;
  readonly priorityClass?: string;
  readonly restarts: number;
}

export interface StageView {
  readonly name: string;
  readonly order: number;
  /** Node names in layout order (a node deleted later stays listed; see NodeView.present). */
  readonly nodes: readonly string[];
  /** Mission time (ms) the stage separated (a detach-stage action applied, or its separation signal). */
  readonly separatedAt?: number;
  readonly massKg?: number;
}

export type BusState = 'nominal' | 'brownout' | 'cutoff' | 'lost';

export interface BusView {
  readonly name: string;
  readonly volts?: number;
  readonly state: BusState;
}

export interface LinkView {
  readonly name: string;
  readonly up: boolean;
  readonly latencyMs?: number;
}

/** The cluster and vehicle at one instant of mission time. Treat as immutable. */
export interface SceneState {
  readonly t: number;
  /** The last flight phase reached ("terminal-count", "liftoff", "max-q", …). */
  readonly phase: string;
  readonly stages: readonly StageView[];
  readonly nodes: ReadonlyMap<string, NodeView>;
  /** Keyed by PodView.key. */
  readonly pods: ReadonlyMap<string, PodView>;
  readonly buses: ReadonlyMap<string, BusView>;
  readonly links: ReadonlyMap<string, LinkView>;
  /** Latest telemetry values per channel ("vehicle", "bus/s1-bus", "link/s-band"). */
  readonly telemetry: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

export type LogCategory = 'signal' | 'action' | 'event' | 'cluster' | 'expect' | 'log';

/** One line of the event log panel. */
export interface LogEntry {
  /** Index of the record in the journal (stable: the panel keys rows by it). */
  readonly index: number;
  readonly t: number;
  readonly category: LogCategory;
  /** "Warning" events, failed/refused actions, failed expectations and error logs are 'warn'. */
  readonly severity: 'info' | 'warn';
  /** One human line, e.g. "separation s1-s2 separated (instructor)". */
  readonly text: string;
  /** Node or pod key the entry is about, for the details panel. */
  readonly subject?: { readonly kind: 'node' | 'pod'; readonly key: string };
}

/** A chart series: times and values, appended in time order. */
export interface Series {
  readonly name: string;
  readonly t: readonly number[];
  readonly v: readonly number[];
}

export interface ExpectationView {
  readonly name: string;
  readonly type: string;
  /** 'pending' until the run is judged (live runs). */
  readonly status: 'pass' | 'fail' | 'pending';
  /** The moment it first failed (or of its worst value when it passed). */
  readonly t?: number;
  readonly message?: string;
}

/**
 * A journal being read: records appended (a file loaded, or a live stream), state reconstructed at any
 * instant. Implementations keep snapshots so `stateAt` anywhere in a one-hour journal is fast.
 */
export interface JournalModel {
  readonly header: JournalHeader;
  readonly layout: JournalLayout;
  /** First and last mission time seen (or from the layout before any record). */
  readonly startMs: number;
  readonly endMs: number;
  readonly recordCount: number;
  /** Appends one record (live streams). Records arrive in journal order. */
  append(record: JournalRecord): void;
  /** The state after every record with t <= the given time. */
  stateAt(t: number): SceneState;
  /** Event-log lines in journal order (filter and search are the panel's business). */
  log(): readonly LogEntry[];
  /** Telemetry series by "channel.key" (e.g. "vehicle.altitudeM", "bus/s1-bus.volts"). */
  series(name: string): Series | undefined;
  seriesNames(): readonly string[];
  /** Pods Ready and Pending per workload over time: names "ready/<workload>", "pending/<workload>". */
  podSeries(): readonly Series[];
  /**
   * Pods Ready and Pending over all workloads ("ready", "pending"): the charts' line when there are too many
   * workloads to draw each, kept as records arrive rather than summed from ~200 series on every redraw.
   */
  podTotals(): { readonly ready: Series; readonly pending: Series };
  expectations(): readonly ExpectationView[];
  /** Recent Kubernetes events about a node or pod before t (newest last). */
  eventsFor(subject: { kind: 'node' | 'pod'; key: string }, t: number, limit?: number): readonly LogEntry[];
}
