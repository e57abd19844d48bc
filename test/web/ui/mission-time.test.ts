import { describe, expect, it } from 'vitest';
import { formatMissionClock, formatShortTime } from '../../../web/ui/mission-time.ts';

describe('mission time', () => {
  it.each([
    [0, 'T+00:00:00'],
    [999, 'T+00:00:00'],
    [150_000, 'T+00:02:30'],
    [-1, 'T-00:00:01'],
    [-10_000, 'T-00:00:10'],
    [-9_500, 'T-00:00:10'],
    [3_723_000, 'T+01:02:03'],
    [360_000_000, 'T+100:00:00'],
    [Number.NaN, 'T+--:--:--'],
  ])('formatMissionClock(%d) = %s', (ms, want) => {
    expect(formatMissionClock(ms)).toBe(want);
  });

  it.each([
    [150_000, false, 'T+2:30'],
    [-10_000, false, 'T-0:10'],
    [3_723_400, true, 'T+1:02:03.4'],
    [1_250, true, 'T+0:01.2'],
  ])('formatShortTime(%d, %s) = %s', (ms, tenths, want) => {
    expect(formatShortTime(ms, tenths)).toBe(want);
  });
});
