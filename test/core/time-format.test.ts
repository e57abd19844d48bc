// Mission-time and RFC 3339 formatting.
import { describe, expect, it } from 'vitest';
import { formatMissionTime, rfc3339Micro, rfc3339Seconds } from '../../sim/core/index.ts';
import { parseTimestamp } from '../../sim/core/index.ts';

describe('formatMissionTime', () => {
  it.each([
    [0, 'T+00:00:00.000'],
    [150_000, 'T+00:02:30.000'],
    [-10_000, 'T-00:00:10.000'],
    [1, 'T+00:00:00.001'],
    [-0.4, 'T+00:00:00.000'],
    [-0, 'T+00:00:00.000'],
    [1234.5678, 'T+00:00:01.235'],
    [3_599_999, 'T+00:59:59.999'],
    [3_600_000, 'T+01:00:00.000'],
    [100 * 3_600_000 + 61_001, 'T+100:01:01.001'],
    [-(2 * 3_600_000 + 3 * 60_000 + 4_005), 'T-02:03:04.005'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatMissionTime(ms)).toBe(text);
  });

  it.each([Number.NaN, Infinity, -Infinity])('rejects %p', (ms) => {
    expect(() => formatMissionTime(ms)).toThrow(RangeError);
  });
});

describe('rfc3339Seconds / rfc3339Micro', () => {
  it.each([
    [Date.UTC(2026, 0, 1), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000000Z'],
    [Date.UTC(2026, 0, 1) + 999, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.999000Z'], // truncated, as Go formats
    [Date.UTC(2024, 1, 29, 23, 59, 59, 123), '2024-02-29T23:59:59Z', '2024-02-29T23:59:59.123000Z'],
    [0, '1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000000Z'],
    [-1, '1969-12-31T23:59:59Z', '1969-12-31T23:59:59.999000Z'],
  ])('%d → %s / %s', (ms, seconds, micro) => {
    expect(rfc3339Seconds(ms)).toBe(seconds);
    expect(rfc3339Micro(ms)).toBe(micro);
  });

  it.each([Number.NaN, Date.UTC(10000, 0, 1), Date.UTC(-1, 0, 1), 8.64e15 + 1])('rejects %p', (ms) => {
    expect(() => rfc3339Seconds(ms)).toThrow(RangeError);
    expect(() => rfc3339Micro(ms)).toThrow(RangeError);
  });
});

describe('parseTimestamp', () => {
  it('is Date.parse, also for text that is not a date and past its memory of recent strings', () => {
    const texts = ['2026-01-01T00:00:00Z', '2026-01-01T00:00:05.123000Z', 'not a date', '', '1970-01-01T00:00:00Z'];
    for (let i = 0; i < 600; i++) texts.push(new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().slice(0, 19) + 'Z');
    for (let round = 0; round < 2; round++) {
      for (const t of texts) expect(Object.is(parseTimestamp(t), Date.parse(t))).toBe(true);
    }
  });
});
