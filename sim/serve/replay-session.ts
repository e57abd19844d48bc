// `kis replay <journal>`: a recorded run in the web view. The journal is parsed whole first, so a torn or
// foreign file is refused with its line number before anything listens.
import { readFileSync } from 'node:fs';
import { JournalError, parseJournal, type ParsedJournal } from '../../hal/signals/index.ts';
import { LiveHub } from './hub.ts';
import { openView, waitForStop, type ViewOptions } from './view.ts';

/** A journal that cannot be replayed: `file:line: problem`, for exit status 2. */
export class ReplayInputError extends Error {}

/** A journal read for replay: parsed, and its record lines as the file holds them (served as they are). */
export interface LoadedJournal extends ParsedJournal {
  /** The file's bytes after the header line: GET /api/journal sends them without serialising anything. */
  readonly recordsText: Buffer;
}

export function loadJournal(path: string): LoadedJournal {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ReplayInputError(err.code === 'ENOENT' ? `${path}: no such file (a run writes runs/<profile>-seed<N>/journal.ndjson)` : `${path}: cannot read: ${err.message}`);
  }
  return journalFromBytes(bytes, path);
}

/** Parses journal bytes (`path` names them in errors); the records' text is a view of `bytes`, not a copy. */
export function journalFromBytes(bytes: Buffer, path: string): LoadedJournal {
  const text = bytes.toString('utf8');
  let parsed: ParsedJournal;
  try {
    parsed = parseJournal(text);
  } catch (e) {
    if (!(e instanceof JournalError)) throw e;
    // A run stopped mid-write leaves a last line without its newline: say so, it is the usual cause.
    const torn = e.lineNumber !== undefined && !text.endsWith('\n') && e.lineNumber === text.split('\n').length;
    throw new ReplayInputError(`${path}:${e.lineNumber ?? 1}: ${e.problem}${torn ? ' (the last line is cut short: was the run killed mid-write?)' : ''}`);
  }
  return { ...parsed, recordsText: bytes.subarray(Buffer.byteLength(text.slice(0, headerEnd(text)))) };
}

/** A replay's hub: the records for the socket, the file's own text for the backlog response. */
export function replayHub(j: LoadedJournal): LiveHub {
  return LiveHub.replay(j.header, j.records, { recordsText: j.recordsText });
}

/** Where the header line (the first non-blank one, as parseJournal reads it) ends, its newline included. */
function headerEnd(text: string): number {
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    if (text.slice(start, end).trim() !== '') return end;
    start = end;
  }
  return text.length;
}

export interface ReplayOptions extends ViewOptions {
  journalPath: string;
  /** Resolves when the session should end (default: SIGINT or SIGTERM). */
  until?: Promise<unknown>;
}

export async function replaySession(o: ReplayOptions): Promise<number> {
  const journal = loadJournal(o.journalPath);
  const server = await openView(replayHub(journal), o);
  const what = [journal.header.profile, journal.header.seed !== undefined ? `seed ${journal.header.seed}` : undefined].filter(Boolean).join(', ');
  o.log(`kis replay: ${o.journalPath}${what ? ` (${what})` : ''}, ${journal.records.length} records`);
  o.log(`  open ${server.url}`);
  o.log('Press Ctrl-C to stop.');
  const signal = await (o.until ?? waitForStop());
  await server.close();
  o.log(`kis replay: stopped${typeof signal === 'string' ? ` (${signal})` : ''}`);
  return 0;
}
