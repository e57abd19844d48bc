// What a run offers while it flies: a sink that sees the journal as it is written (for the live web view)
// and a control to inject instructor signals through the same wiring as the profile's.
import { checkSignal, type InjectableSignal, type JournalHeader, type JournalRecord, type Signal } from '../../hal/signals/index.ts';

/** Receives the journal as it is written: the header once, each record with its index, then the end. */
export interface LiveSink {
  header(header: JournalHeader): void;
  /** `index` is the record's position in the journal (0 = the first record after the header). */
  record(record: JournalRecord, index: number): void;
  /** The journal is complete (expectation verdicts included) and closed. */
  end(recordCount: number): void;
}

/** `invalid`: the signal itself was wrong (a 400, not a 409: asking again will not help). */
export type InjectResult = { readonly ok: true; readonly signal: Signal } | { readonly ok: false; readonly reason: string; readonly invalid?: boolean };

/** Handed to RunOptions.onStarted once the cluster is up. */
export interface RunControl {
  /** A kubeconfig for the embedded twin (undefined on a lab cluster). */
  kubeconfig(role: 'admin' | 'viewer'): string | undefined;
  /** The run's namespace, where its workloads live. */
  readonly namespace: string;
  /** Mission time now, ms. */
  missionNow(): number;
  /** Journals the signal (source "instructor") and feeds it to the wiring; refused before T0 and after the end. */
  inject(signal: InjectableSignal): InjectResult;
  /** A signal from another source (MQTT, serial) fed to the same wiring; `t` becomes mission time now. */
  signal(signal: Signal): InjectResult;
}

/**
 * Stamps an instructor's signal (source, mission time, id) and checks it against the signal schema: a browser
 * is untrusted input, so nothing unchecked reaches the wiring or the journal.
 */
export function stampInjection(signal: InjectableSignal, t: number, n: number): InjectResult {
  const value: unknown = { ...(signal as object), source: 'instructor', t, id: `instructor:${n}` };
  const problem = checkSignal(value);
  return problem ? { ok: false, reason: `not a valid signal: ${problem}`, invalid: true } : { ok: true, signal: value as Signal };
}

/** A source's signal at mission time `t` (sources stamp their own clock's time), checked like an injection. */
export function restampSignal(signal: Signal, t: number): InjectResult {
  const value: unknown = { ...signal, t };
  const problem = checkSignal(value);
  return problem ? { ok: false, reason: `not a valid signal: ${problem}`, invalid: true } : { ok: true, signal: value as Signal };
}
