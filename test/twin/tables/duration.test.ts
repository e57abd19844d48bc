import { describe, expect, it } from 'vitest';
import { humanDuration, translateTimestampSince } from '../../../sim/twin/tables/index.ts';
import { formatRFC3339, parseTime } from '../../../sim/twin/tables/duration.ts';
import { D, H, M, NOW, S, ago } from './fixtures.ts';

const Y = 365 * D;
const MS = 1;

describe('humanDuration (upstream duration_test.go TestHumanDuration)', () => {
  it.each([
    [S, '1s'],
    [70 * S, '70s'],
    [190 * S, '3m10s'],
    [70 * M, '70m'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'],
    [367 * 24 * H, '367d'],
    [(365 * 2 * 24 + 25) * H, '2y1d'],
    [(365 * 8 * 24 + 2) * H, '8y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('humanDuration boundaries (upstream TestHumanDurationBoundaries)', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-2 * S + MS, '0s'],
    [0, '0s'],
    [S - MS, '0s'],
    [2 * M - MS, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [10 * M - MS, '9m59s'],
    [10 * M, '10m'],
    [10 * M + S, '10m'],
    [3 * H - MS, '179m'],
    [3 * H, '3h'],
    [3 * H + M, '3h1m'],
    [8 * H - MS, '7h59m'],
    [8 * H, '8h'],
    [8 * H + 59 * M, '8h'],
    [2 * D - MS, '47h'],
    [2 * D, '2d'],
    [2 * D + H, '2d1h'],
    [8 * D - MS, '7d23h'],
    [8 * D, '8d'],
    [8 * D + 23 * H, '8d'],
    [2 * Y - MS, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 23 * H, '2y'],
    [2 * Y + 23 * H + 59 * M, '2y'],
    [2 * Y + D - MS, '2y'],
    [2 * Y + D, '2y1d'],
    [3 * Y, '3y'],
    [7 * Y, '7y'],
    [8 * Y - MS, '7y364d'],
    [8 * Y, '8y'],
    [8 * Y + 364 * D, '8y'],
    [9 * Y, '9y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it.each([
    [45 * S, '45s'],
    [200 * S, '3m20s'],
    [51 * H, '2d3h'],
  ])('brief examples: %d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('is "<invalid>" for non-finite input rather than throwing', () => {
    expect(humanDuration(Number.NaN)).toBe('<invalid>');
  });
});

describe('translateTimestampSince', () => {
  it.each([
    [undefined, '<unknown>'],
    [null, '<unknown>'],
    ['', '<unknown>'],
    ['not a time', '<unknown>'],
    ['0001-01-01T00:00:00Z', '<unknown>'],
    [ago(45 * S), '45s'],
    [ago(-10 * S), '<invalid>'],
  ])('%s → %s', (ts, want) => {
    expect(translateTimestampSince(ts, NOW)).toBe(want);
  });

  it('reads MicroTime fractions', () => {
    expect(parseTime('2025-03-01T11:59:00.123456Z')).toBe(NOW - 60 * S + 123);
  });
});

describe('formatRFC3339 (the default table\'s Created At cell)', () => {
  it.each([
    ['2025-03-01T12:00:00Z', '2025-03-01T12:00:00Z'],
    ['2025-03-01T14:00:00+02:00', '2025-03-01T12:00:00Z'],
    [undefined, '0001-01-01T00:00:00Z'],
  ])('%s → %s', (ts, want) => {
    expect(formatRFC3339(ts)).toBe(want);
  });
});
