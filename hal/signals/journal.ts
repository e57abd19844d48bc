// Journal record types (NDJSON, ARCHITECTURE.md): one header line, then one record a line.
// The web replay, the report and the expectations all read this one format.
import type { Action } from './action.ts';
import type { JsonObject, JsonValue } from './json.ts';
import type { Signal } from './signal.ts';

export const JOURNAL_FORMAT = 'kis-journal';
export const JOURNAL_VERSION = 1;

/**
 * First line of every journal. Known fields are typed; writers may add more (JSON values) and
 * readers keep them. No wall-clock field is required, so a lockstep run stays byte-identical.
 */
export interface JournalHeader {
  readonly kind: 'header';
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: typeof JOURNAL_VERSION;
  readonly profile?: string;
  readonly vehicle?: string;
  readonly seed?: number;
  readonly clock?: 'lockstep' | 'scaled' | 'realtime';
  /** What the vehicle looks like, so a replay can draw it without the profile (the web view reads it). */
  readonly layout?: JournalLayout;
  readonly [extra: string]: JsonValue | undefined;
}

/**
 * The vehicle and the run's plan, written once in the header. Type aliases (not interfaces) so the
 * header stays assignable to JSON. Optional fields may be absent in journals of older writers.
 */
export type JournalLayout = {
  /** Mission time of the first record (negative: T-minus) and the mission's length, in ms. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Bottom of the stack first (order 1 separates first). */
  readonly stages: readonly LayoutStage[];
  readonly buses: readonly LayoutBus[];
  readonly links: readonly LayoutLink[];
  readonly workloads: readonly LayoutWorkload[];
  /** The profile's expectations by name, so a viewer can list them before they are judged. */
  readonly expectations: readonly { readonly name: string; readonly type: string }[];
  /** Timeline markers known in advance (liftoff, max-q, separation, …). */
  readonly phases: readonly { readonly t: number; readonly name: string }[];
};

export type LayoutStage = {
  readonly name: string;
  readonly order: number;
  readonly nodes: readonly LayoutNode[];
  /** From the ascent model when the profile has one: lets a viewer size the stage. */
  readonly massKg?: number;
};

export type LayoutNode = {
  readonly name: string;
  readonly role: 'worker' | 'control-plane';
  readonly bus?: string;
  readonly cpuMillicores: number;
  readonly memoryBytes: number;
};

export type LayoutBus = {
  readonly name: string;
  readonly nominalVolts: number;
  readonly brownoutVolts: number;
  readonly cutoffVolts: number;
};

export type LayoutLink = { readonly name: string; readonly groundStations: readonly string[] };

export type LayoutWorkload = {
  readonly name: string;
  readonly kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  readonly replicas?: number;
  readonly priorityClass?: string;
};

interface RecordBase {
  /** Mission time in ms (negative before lift-off: T-minus). */
  readonly t: number;
}

export interface SignalRecord extends RecordBase {
  readonly kind: 'signal';
  readonly signal: Signal;
}

export const ACTION_STATUSES = ['decided', 'applied', 'refused', 'failed', 'dry-run'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionRecord extends RecordBase {
  readonly kind: 'action';
  readonly action: Action;
  readonly status: ActionStatus;
  /** Why it was refused or failed (safe, scope guard, API error), or what was applied. */
  readonly detail?: string;
}

/** An observed change of a cluster object (from the HAL's informers). */
export interface ClusterRecord extends RecordBase {
  readonly kind: 'cluster';
  readonly op: 'added' | 'modified' | 'deleted';
  /** Lower-case plural resource, e.g. "nodes", "pods", "events". */
  readonly resource: string;
  readonly name: string;
  readonly namespace?: string;
  /**
   * A compact summary, not the whole object: for nodes see `NodeRecordData`, pods `PodRecordData`,
   * events `EventRecordData`.
   */
  readonly data?: JsonObject;
}

/** `data` of a `cluster` record about a node (resource "nodes"). */
export type NodeRecordData = {
  readonly ready?: 'True' | 'False' | 'Unknown';
  readonly role?: string;
  readonly power?: 'on' | 'off';
  readonly attached?: boolean;
  readonly unschedulable?: boolean;
  /** "key:Effect", sorted. */
  readonly taints?: readonly string[];
  readonly stage?: string;
  readonly bus?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Every condition but Ready, type → status (MemoryPressure, DiskPressure, PIDPressure, …). */
  readonly conditions?: Readonly<Record<string, string>>;
};

/** `data` of a `cluster` record about a pod (resource "pods"). */
export type PodRecordData = {
  readonly workload?: string;
  /** Pending | Running | Succeeded | Failed | Unknown, or Terminating once deletion began. */
  readonly phase?: string;
  readonly ready?: boolean;
  readonly node?: string;
  readonly priorityClass?: string;
  readonly restarts?: number;
  /** The pod went involuntarily (preempted, or its node died under it). */
  readonly lost?: boolean;
};

/** `data` of a `cluster` record about a core/v1 Event (resource "events"). */
export type EventRecordData = {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly involved: { readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly count?: number;
};

/**
 * The verdict on one expectation, written when the run is judged (after the mission: so `t` is the
 * moment it first failed, or of its worst value, and these records may come after later ones).
 */
export interface ExpectRecord extends RecordBase {
  readonly kind: 'expect';
  readonly name: string;
  readonly status: 'pass' | 'fail';
  readonly message?: string;
  readonly observed?: JsonValue;
}

export interface TelemetryRecord extends RecordBase {
  readonly kind: 'telemetry';
  /** e.g. "vehicle", "bus/main", "link/sband". */
  readonly channel: string;
  readonly values: Readonly<Record<string, number>>;
}

export interface LogRecord extends RecordBase {
  readonly kind: 'log';
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly module?: string;
}

export type JournalRecord =
  | SignalRecord
  | ActionRecord
  | ClusterRecord
  | ExpectRecord
  | TelemetryRecord
  | LogRecord;

export type JournalRecordKind = JournalRecord['kind'];

/** Any line of a journal. */
export type JournalEntry = JournalHeader | JournalRecord;

/** Thrown by the codec; `lineNumber` is 1-based, `undefined` when formatting. */
export class JournalError extends Error {
  override readonly name = 'JournalError';
  constructor(
    readonly problem: string,
    readonly lineNumber?: number,
  ) {
    super(lineNumber === undefined ? problem : `line ${lineNumber}: ${problem}`);
  }
}
