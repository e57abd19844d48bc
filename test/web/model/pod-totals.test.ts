// The model's pod totals (kept as records arrive) against the sum of its per-workload series, as a step
// function at every instant any of them changes: the charts draw one in place of the other.
import { describe, expect, it } from 'vitest';
import { syntheticJournal } from '../../../bench/web/synthetic-journal.ts';
import { createJournalModel, parseJournalText } from '../../../web/model/index.ts';
import { sumSeries, valueAt } from '../../../web/ui/chart-scale.ts';

describe('podTotals', () => {
  it.each([1, 2, 3])('equals the sum of the per-workload series (synthetic journal, seed %i)', (seed) => {
    const { header, records } = parseJournalText(syntheticJournal({ nodes: 12, pods: 90, stages: 2, durationMs: 600_000, seed, churnPerSecond: 2 }));
    const m = createJournalModel(header, records);
    for (const kind of ['ready', 'pending'] as const) {
      const sum = sumSeries(m.podSeries().filter((s) => s.name.startsWith(`${kind}/`)));
      const total = m.podTotals()[kind];
      expect(sum.t.length).toBeGreaterThan(1);
      const instants = [...new Set([...sum.t, ...total.t])];
      expect(instants.map((t) => valueAt(total, t) ?? 0)).toEqual(instants.map((t) => valueAt(sum, t)));
    }
  });
});
