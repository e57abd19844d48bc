// `kis replay <journal>`: a recorded run in the web view. The journal is parsed whole first, so a torn or
// foreign file is refused with its line number before anything listens.
import { readFileSync } from 'node:fs';
import { JournalError, parseJournal, type ParsedJournal } from '../../hal/signals/index.ts';
import { LiveHub } from './hub.ts';
import { openView, waitForStop, type ViewOptions } from './view.ts';

/** A journal that cannot be replayed: `file:line: problem`, for exit status 2. */
export class ReplayInputError extends Error {}

export function loadJournal(path: string): ParsedJournal {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ReplayInputError(err.code === 'ENOENT' ? `${path}: no such file (a run writes runs/<profile>-seed<N>/journal.ndjson)` : `${path}: cannot read: ${err.message}`);
  }
  try {
    return parseJournal(text);
  } catch (e) {
    if (!(e instanceof JournalError)) throw e;
    // A run stopped mid-write leaves a last line without its newline: say so, it is the usual cause.
    const torn = e.lineNumber !== undefined && !text.endsWith('\n') && e.lineNumber === text.split('\n').length;
    throw new ReplayInputError(`${path}:${e.lineNumber ?? 1}: ${e.problem}${torn ? ' (the last line is cut short: was the run killed mid-write?)' : ''}`);
  }
}

export interface ReplayOptions extends ViewOptions {
  journalPath: string;
  /** Resolves when the session should end (default: SIGINT or SIGTERM). */
  until?: Promise<unknown>;
}

export async function replaySession(o: ReplayOptions): Promise<number> {
  const journal = loadJournal(o.journalPath);
  const server = await openView(LiveHub.replay(journal.header, journal.records), o);
  const what = [journal.header.profile, journal.header.seed !== undefined ? `seed ${journal.header.seed}` : undefined].filter(Boolean).join(', ');
  o.log(`kis replay: ${o.journalPath}${what ? ` (${what})` : ''}, ${journal.records.length} records`);
  o.log(`  open ${server.url}`);
  o.log('Press Ctrl-C to stop.');
  const signal = await (o.until ?? waitForStop());
  await server.close();
  o.log(`kis replay: stopped${typeof signal === 'string' ? ` (${signal})` : ''}`);
  return 0;
}
