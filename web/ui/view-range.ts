// The stretch of mission time the timeline and charts span: the whole planned mission when the
// layout knows it (a live run then fills in from the left, with the planned phases already marked),
// and never less than the records seen.
import type { JournalLayout } from '../model/types.ts';

export interface ViewRange {
  readonly startMs: number;
  readonly endMs: number;
}

export function viewRange(model: { readonly startMs: number; readonly endMs: number; readonly layout: Pick<JournalLayout, 'startMs' | 'durationMs'> }): ViewRange {
  const l = model.layout;
  const planned = Number.isFinite(l.startMs) && Number.isFinite(l.durationMs) && l.durationMs > 0 ? l.startMs + l.durationMs : -Infinity;
  const startMs = Math.min(model.startMs, Number.isFinite(l.startMs) ? l.startMs : model.startMs);
  const endMs = Math.max(model.endMs, planned);
  // A zero-width range (one record) would divide by zero in every scale.
  return { startMs, endMs: endMs > startMs ? endMs : startMs + 1000 };
}
