import { describe, expect, it } from 'vitest';
import { estimateLabelWidth, labelRows } from '../../../web/ui/timeline-labels.ts';

describe('timeline labels', () => {
  it.each([
    [[0, 100, 200], [50, 50, 50], [0, 0, 0]],
    [[0, 20, 40, 200], [50, 50, 50, 50], [0, 1, -1, 0]],
    [[0, 60], [50, 50], [1, 1].map(() => 0)],
    [[], [], []],
  ])('labelRows(%j, %j)', (xs, ws, want) => {
    expect(labelRows(xs, ws)).toEqual(want);
  });

  it('widths grow with text', () => {
    expect(estimateLabelWidth('second-stage-ignition')).toBeGreaterThan(estimateLabelWidth('MECO'));
  });
});
