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
  readonly [extra: string]: JsonValue | undefined;
}

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
  /** A compact summary (phase, node, taints…), not the whole object. */
  readonly data?: JsonObject;
}

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
