// What the header says about the feed, and who gets the console, from the live state or a file (pure).
import type { JournalHeader } from '../../hal/signals/index.ts';
import { behindBy, type LiveState } from '../live/index.ts';
import type { HeaderInfo } from './header-view.ts';

export interface LineError {
  readonly line: number;
  readonly message: string;
}

export function liveInfo(s: LiveState): HeaderInfo {
  return {
    mode: s.mode ?? 'live',
    connection: s.connection,
    behind: behindBy(s),
    ...(s.role ? { role: s.role } : {}),
    ...(s.header ? { header: s.header } : {}),
    ...(s.problem ? { problem: s.problem } : {}),
  };
}

/** A journal opened from a file or URL; skipped bad lines are summed up for the badge's tooltip. */
export function fileInfo(header: JournalHeader, fileName: string, errors: readonly LineError[]): HeaderInfo {
  return { mode: 'file', behind: 0, header, fileName, ...(errors.length ? { problem: skippedLines(errors) } : {}) };
}

export function skippedLines(errors: readonly LineError[]): string {
  return `${errors.length} bad line(s) skipped (first at line ${errors[0]!.line}: ${errors[0]!.message})`;
}

/** Replays refuse injections (there is no run to inject into): only an instructor on a live run gets the console. */
export function showsConsole(s: Pick<LiveState, 'role' | 'mode'>): boolean {
  return s.role === 'instructor' && s.mode === 'live';
}
