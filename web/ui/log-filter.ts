// The event log's filter: categories on/off and a free-text search (every word must appear).
import type { LogCategory, LogEntry } from '../model/types.ts';

export const LOG_CATEGORIES: readonly LogCategory[] = ['signal', 'action', 'event', 'cluster', 'expect', 'log'];

export interface LogFilter {
  readonly categories: ReadonlySet<LogCategory>;
  readonly text: string;
  /** Only warnings (failed actions, Warning events, failed expectations). */
  readonly warningsOnly?: boolean;
}

/** Pod and node churn ('cluster') is noisy: off by default. */
export const DEFAULT_LOG_FILTER: LogFilter = { categories: new Set<LogCategory>(['signal', 'action', 'event', 'expect', 'log']), text: '' };

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

export function matches(entry: LogEntry, filter: LogFilter, ws = words(filter.text)): boolean {
  if (!filter.categories.has(entry.category)) return false;
  if (filter.warningsOnly && entry.severity !== 'warn') return false;
  if (ws.length === 0) return true;
  const hay = `${entry.text} ${entry.subject?.key ?? ''} ${entry.category}`.toLowerCase();
  return ws.every((w) => hay.includes(w));
}

export function filterLog(entries: readonly LogEntry[], filter: LogFilter): LogEntry[] {
  const ws = words(filter.text);
  return entries.filter((e) => matches(e, filter, ws));
}

/** Index of the last entry with t <= the given time (-1 if none): the row the log scrolls to. */
export function lastAtOrBefore(entries: readonly { readonly t: number }[], t: number): number {
  // Entries are in journal order, which is time order except expect records (judged after the run);
  // a binary search on a nearly sorted list lands close enough for scrolling.
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
