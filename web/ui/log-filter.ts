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

/**
 * Running maximum of the entries' times. Journal order is time order except `expect` records,
 * which are judged after the run and carry the earlier moment they are about; the running max is
 * monotone, so a binary search on it finds "where the cursor is" in journal order.
 */
export function runningMaxTimes(entries: readonly { readonly t: number }[]): number[] {
  const out: number[] = new Array<number>(entries.length);
  let max = -Infinity;
  for (let i = 0; i < entries.length; i++) out[i] = max = Math.max(max, entries[i]!.t);
  return out;
}

/** Index of the last value <= t in a non-decreasing array (-1 if none). */
export function lastAtOrBefore(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
