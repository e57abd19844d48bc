import { describe, expect, it } from 'vitest';
import { viewRange } from '../../../web/ui/view-range.ts';

describe('viewRange', () => {
  it.each([
    ['a live run early on spans the plan', { startMs: -10_000, endMs: 30_000, layout: { startMs: -10_000, durationMs: 610_000 } }, { startMs: -10_000, endMs: 600_000 }],
    ['a run past its plan spans the records', { startMs: -10_000, endMs: 700_000, layout: { startMs: -10_000, durationMs: 610_000 } }, { startMs: -10_000, endMs: 700_000 }],
    ['no plan (derived layout of zero length)', { startMs: 0, endMs: 5_000, layout: { startMs: 0, durationMs: 0 } }, { startMs: 0, endMs: 5_000 }],
    ['one instant', { startMs: 0, endMs: 0, layout: { startMs: 0, durationMs: 0 } }, { startMs: 0, endMs: 1_000 }],
    ['records before the planned start', { startMs: -20_000, endMs: 5_000, layout: { startMs: -10_000, durationMs: 20_000 } }, { startMs: -20_000, endMs: 10_000 }],
  ])('%s', (_name, model, want) => {
    expect(viewRange(model)).toEqual(want);
  });
});
