// The live protocol as the browser sees it: the path (copied from hal/signals/live.ts, which web/ may
// import only types from), the socket URL, and a parser that never trusts what arrives.
import type { JournalHeader, JournalRecord, LiveClientMessage, LiveServerMessage } from '../../hal/signals/index.ts';

export type { LiveClientMessage, LiveServerMessage };

/** Copy of hal/signals/live.ts LIVE_PATH (a value import would pull node code into the bundle). */
export const LIVE_PATH = '/live';
/** Copies of hal/signals/live.ts JOURNAL_PATH and its response headers (the backlog in one response). */
export const JOURNAL_PATH = '/api/journal';
export const JOURNAL_COUNT_HEADER = 'x-kis-record-count';
export const JOURNAL_MODE_HEADER = 'x-kis-mode';

/** The page's location, as much of it as the socket URL needs. */
export interface PageLocation {
  readonly protocol: string;
  readonly host: string;
  readonly search: string;
}

/** The instructor token from the page URL (`?token=`), if any. */
export function tokenFrom(search: string): string | undefined {
  const token = new URLSearchParams(search).get('token');
  return token ? token : undefined;
}

/**
 * ws(s)://<host>/live, with the page's `?token=` passed along so the server knows an instructor, and
 * `from` when the page already holds that many records (loaded from JOURNAL_PATH).
 */
export function liveUrl(page: PageLocation, from = 0): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = tokenFrom(page.search);
  const query = [token ? `token=${encodeURIComponent(token)}` : '', from > 0 ? `from=${from}` : ''].filter(Boolean).join('&');
  return `${scheme}//${page.host}${LIVE_PATH}${query ? `?${query}` : ''}`;
}

/** http(s)://<host>/api/journal: the backlog of the server that served the page. */
export function journalUrl(page: PageLocation): string {
  return `${page.protocol}//${page.host}${JOURNAL_PATH}`;
}

export type ParsedServerMessage = { readonly ok: true; readonly message: LiveServerMessage } | { readonly ok: false; readonly error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** A record needs a finite `t` and a string `kind`; the model ignores kinds it does not know. */
function isRecord(v: unknown): v is JournalRecord {
  return isObject(v) && typeof v.t === 'number' && Number.isFinite(v.t) && typeof v.kind === 'string';
}

/**
 * Parses one WebSocket text frame. Checks the shape the client relies on (counts are non-negative
 * integers, records have t and kind); never throws, so a bad frame is reported, not fatal.
 */
export function parseServerMessage(text: string): ParsedServerMessage {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (!isObject(v) || typeof v.type !== 'string') return { ok: false, error: 'not a message (no "type")' };
  switch (v.type) {
    case 'hello':
      if (v.mode !== 'live' && v.mode !== 'replay') return { ok: false, error: 'hello: mode must be live or replay' };
      if (v.role !== 'instructor' && v.role !== 'trainee') return { ok: false, error: 'hello: role must be instructor or trainee' };
      if (!isObject(v.header) || v.header.kind !== 'header') return { ok: false, error: 'hello: header missing' };
      if (!isCount(v.recordCount)) return { ok: false, error: 'hello: recordCount must be a count' };
      return { ok: true, message: { type: 'hello', mode: v.mode, role: v.role, header: v.header as JournalHeader, recordCount: v.recordCount } };
    case 'records':
      if (!isCount(v.from)) return { ok: false, error: 'records: from must be a count' };
      if (!Array.isArray(v.records) || !v.records.every(isRecord)) return { ok: false, error: 'records: each needs t and kind' };
      return { ok: true, message: { type: 'records', from: v.from, records: v.records } };
    case 'end':
      if (!isCount(v.recordCount)) return { ok: false, error: 'end: recordCount must be a count' };
      return { ok: true, message: { type: 'end', recordCount: v.recordCount } };
    case 'injected':
      if (typeof v.requestId !== 'string' || !isObject(v.signal) || typeof v.signal.type !== 'string') {
        return { ok: false, error: 'injected: requestId and signal required' };
      }
      return { ok: true, message: { type: 'injected', requestId: v.requestId, signal: v.signal as unknown as Extract<LiveServerMessage, { type: 'injected' }>['signal'] } };
    case 'refused':
      if (typeof v.reason !== 'string') return { ok: false, error: 'refused: reason required' };
      return {
        ok: true,
        message: typeof v.requestId === 'string' ? { type: 'refused', requestId: v.requestId, reason: v.reason } : { type: 'refused', reason: v.reason },
      };
    default:
      return { ok: false, error: `unknown message type "${String(v.type)}"` };
  }
}
