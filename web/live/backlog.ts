// The server's backlog in one HTTP response (GET /api/journal, hal/signals/live.ts JOURNAL_PATH), parsed as it
// arrives: a one-hour journal is one request and one pass, not thousands of socket messages each parsed,
// checked and appended under a rendering page. The socket then carries only what comes after.
import { JournalTextError, JournalTextStream, type ParsedJournalText } from '../model/index.ts';
import { JOURNAL_COUNT_HEADER, JOURNAL_MODE_HEADER } from './protocol.ts';

export interface Backlog extends ParsedJournalText {
  readonly mode: 'live' | 'replay';
  /** Records the server said the body holds: the socket resumes from here. */
  readonly count: number;
}

/** Why there is no backlog: the page then takes everything over the socket (an older server, a static host). */
export interface NoBacklog {
  readonly reason: string;
}

/** What the loader needs of fetch's Response (the browser's; tests build one from a string). */
export interface BacklogResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

export interface BacklogProgress {
  /** The parser so far: its header once read, the records parsed (append the new ones to a model as they come). */
  readonly stream: JournalTextStream;
  /** Records the body holds in all. */
  readonly total: number;
  readonly mode: 'live' | 'replay';
}

/**
 * Reads a backlog response, calling `onChunk` after each piece is parsed (progress, and for a caller that
 * indexes as it goes). A response that is not a kis backlog — 404 from an older server, a static host's
 * page — gives NoBacklog, as does a body whose record count is not what the server announced.
 */
export async function readBacklog(res: BacklogResponse, onChunk: (p: BacklogProgress) => void | Promise<void>): Promise<Backlog | NoBacklog> {
  const total = Number(res.headers.get(JOURNAL_COUNT_HEADER) ?? Number.NaN);
  const mode = res.headers.get(JOURNAL_MODE_HEADER);
  if (!res.ok || !res.body) return { reason: `no backlog from the server (HTTP ${res.status})` };
  if (!Number.isSafeInteger(total) || total < 0 || (mode !== 'live' && mode !== 'replay')) return { reason: 'not a kis backlog (no record count or mode)' };
  const stream = new JournalTextStream();
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let parsed: ParsedJournalText;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.push(decoder.decode(value, { stream: true }));
      await onChunk({ stream, total, mode });
    }
    stream.push(decoder.decode());
    parsed = stream.finish();
  } catch (err) {
    // A header that is not a kis journal's; or the connection dropped mid-body (the socket starts over).
    await reader.cancel().catch(() => undefined);
    return { reason: err instanceof JournalTextError ? `backlog: ${err.message}` : `backlog cut short: ${err instanceof Error ? err.message : String(err)}` };
  }
  await onChunk({ stream, total, mode });
  // A line the page could not read would shift every index after it: resuming the socket from `count`
  // would then skip or repeat records. Such a backlog is dropped and the socket sends everything.
  if (parsed.records.length !== total) return { reason: `backlog held ${parsed.records.length} readable records, the server said ${total}` };
  return { ...parsed, mode, count: total };
}

/** GET `url` and read it as a backlog; a failed request (no server, offline) is NoBacklog too. */
export async function fetchBacklog(
  url: string,
  onChunk: (p: BacklogProgress) => void | Promise<void>,
  fetchFn: (url: string) => Promise<BacklogResponse> = (u) => fetch(u, { cache: 'no-store' }),
): Promise<Backlog | NoBacklog> {
  let res: BacklogResponse;
  try {
    res = await fetchFn(url);
  } catch (err) {
    return { reason: `no backlog: ${err instanceof Error ? err.message : String(err)}` };
  }
  return readBacklog(res, onChunk);
}
