import { describe, expect, it } from 'vitest';
import { loadingFraction, loadingText, type LoadProgress } from '../../../web/ui/loading-view.ts';

describe('the loading card', () => {
  it.each<[LoadProgress, string, number | undefined]>([
    [{ done: 0 }, 'Loading the journal…', undefined],
    [{ done: 1200 }, 'Loading the journal… 1,200 records', undefined],
    [{ done: 0, total: 0 }, 'Loading the journal…', undefined],
    [{ done: 148_940, total: 297_880 }, 'Loading the journal… 148,940 of 297,880 records (50%)', 0.5],
    [{ done: 297_879, total: 297_880 }, 'Loading the journal… 297,879 of 297,880 records (99%)', 297_879 / 297_880],
    [{ done: 12, total: 10 }, 'Loading the journal… 12 of 10 records (100%)', 1],
    [{ done: 297_880, indexing: true }, 'Indexing 297,880 records for seeking…', 1],
  ])('%j reads "%s", bar %s', (p, text, fraction) => {
    expect(loadingText(p)).toBe(text);
    expect(loadingFraction(p)).toBe(fraction);
  });
});
