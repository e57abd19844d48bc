// Durations and mission times: the accepted spellings, and everything else rejected.

import { describe, expect, it } from 'vitest';
import { formatMissionTime, parseDuration, parseMissionTime } from '../../sim/profile/index.ts';

describe('parseDuration', () => {
  it.each([
    ['45s', 45_000], ['2m', 120_000], ['1h', 3_600_000], ['2m30s', 150_000], ['1h2m3s', 3_723_000],
    ['500ms', 500], ['1.5s', 1_500], ['0', 0], ['150', 150_000], [150, 150_000], [0.25, 250], ['1m500ms', 60_500],
  ] as const)('%s → %i ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['', 's', '45sec', '1d', '-5s', 'T+5s', ' 5s', '5s ', '5 s', '1:30', '.5s', -1, Number.NaN, null, true])('%j is not a duration', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });
});

describe('parseMissionTime', () => {
  it.each([
    ['T+150s', 150_000], ['T+2m30s', 150_000], ['T-10s', -10_000], ['T+0', 0], ['T0', 0], ['T-0s', 0],
    ['150', 150_000], [150, 150_000], [-10, -10_000], ['90s', 90_000], ['T+1h', 3_600_000], ['T-1.5s', -1_500],
  ] as const)('%s → %i ms', (input, ms) => {
    expect(parseMissionTime(input)).toBe(ms);
  });

  it.each(['T', 'T+', 'T+-5s', 't+5s', 'T+5x', '+5s', 'T 5s', 'L-10s'])('%j is not a mission time', (input) => {
    expect(parseMissionTime(input)).toBeUndefined();
  });

  it.each([[150_000, 'T+2m30s'], [-10_000, 'T-10s'], [0, 'T+0s'], [3_723_500, 'T+1h2m3s500ms']] as const)('formats %i as %s', (ms, text) => {
    expect(formatMissionTime(ms)).toBe(text);
    expect(parseMissionTime(text)).toBe(ms);
  });
});
