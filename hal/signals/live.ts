// The live-view protocol: JSON messages on the web server's WebSocket (/live), between `kis serve` /
// `kis replay` / `kis run --serve` and the browser. One definition for both ends.
import type { JournalHeader, JournalRecord } from './journal.ts';
import type { Signal } from './signal.ts';

/** Path of the WebSocket; `?token=…` makes the connection an instructor's. */
export const LIVE_PATH = '/live';

/**
 * GET: the journal the server holds so far as NDJSON (header line, then records), in one response. A page
 * loads its backlog here (one parse), then opens LIVE_PATH with `?from=<count>` for what follows. Servers
 * before this path answer 404 and the page takes everything over the socket, as before.
 */
export const JOURNAL_PATH = '/api/journal';
/** Response header of JOURNAL_PATH: how many records the body holds (the `from` of the socket that follows). */
export const JOURNAL_COUNT_HEADER = 'x-kis-record-count';
/** Response header of JOURNAL_PATH: `live` (the socket will carry more) or `replay`. */
export const JOURNAL_MODE_HEADER = 'x-kis-mode';

export type LiveRole = 'instructor' | 'trainee';

/** Server → browser. */
export type LiveServerMessage =
  /** First message: what is being shown and who you are. `live` runs keep appending records. */
  | { readonly type: 'hello'; readonly mode: 'live' | 'replay'; readonly role: LiveRole; readonly header: JournalHeader; readonly recordCount: number }
  /** Records `from` .. `from + records.length - 1` (journal indexes, 0 = first record after the header). */
  | { readonly type: 'records'; readonly from: number; readonly records: readonly JournalRecord[] }
  /** The run is over; the journal is complete (expectation verdicts included). */
  | { readonly type: 'end'; readonly recordCount: number }
  /** An injection was accepted: the signal as journalled (source "instructor"). */
  | { readonly type: 'injected'; readonly requestId: string; readonly signal: Signal }
  /** An injection (or any request) was refused, and why. */
  | { readonly type: 'refused'; readonly requestId?: string; readonly reason: string };

/**
 * The signals an instructor may inject: the server stamps `source: 'instructor'`, `t` (now) and `id`,
 * then feeds it through the same HAL wiring as hardware.
 */
export type InjectableSignal = DistributiveOmit<Signal, 'source' | 't' | 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Browser → server. */
export type LiveClientMessage =
  /** After a reconnect: send records from this index on (the ones already held are not resent). */
  | { readonly type: 'resume'; readonly from: number }
  | { readonly type: 'inject'; readonly requestId: string; readonly signal: InjectableSignal };
