import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../web/model/types.ts';
import { DEFAULT_LOG_FILTER, filterLog, lastAtOrBefore, runningMaxTimes } from '../../../web/ui/log-filter.ts';

const e = (index: number, t: number, category: LogEntry['category'], text: string, severity: LogEntry['severity'] = 'info', key?: string): LogEntry => ({
  index,
  t,
  category,
  text,
  severity,
  ...(key ? { subject: { kind: 'node' as const, key } } : {}),
});
const log = [
  e(0, 0, 'signal', 'flight-phase liftoff'),
  e(1, 10, 'cluster', 'pod gnc-1 Running'),
  e(2, 20, 'action', 'drain-stage stage1 refused', 'warn'),
  e(3, 30, 'event', 'StageSeparated on s1-fc-1', 'info', 's1-fc-1'),
  e(4, 40, 'expect', 'guidance-available failed', 'warn'),
];

describe('event log filter', () => {
  it.each([
    ['default hides cluster churn', DEFAULT_LOG_FILTER, [0, 2, 3, 4]],
    ['text, case-insensitive, every word', { ...DEFAULT_LOG_FILTER, text: 'STAGE refused' }, [2]],
    ['matches the subject key', { ...DEFAULT_LOG_FILTER, text: 's1-fc-1' }, [3]],
    ['category by name', { ...DEFAULT_LOG_FILTER, text: 'expect' }, [4]],
    ['warnings only', { ...DEFAULT_LOG_FILTER, warningsOnly: true }, [2, 4]],
    ['one category', { categories: new Set(['cluster'] as const), text: '' }, [1]],
  ] as const)('%s', (_name, filter, want) => {
    expect(filterLog(log, filter).map((x) => x.index)).toEqual(want);
  });

  it.each([
    [-5, -1],
    [0, 0],
    [25, 2],
    [1e9, 4],
  ])('lastAtOrBefore(%d) = %d', (t, want) => {
    expect(lastAtOrBefore(runningMaxTimes(log), t)).toBe(want);
  });

  it('verdicts judged after the run (earlier t, journal end) do not become current early', () => {
    const withVerdicts = [...log, e(5, 15, 'expect', 'early verdict'), e(6, 50, 'log', 'late')];
    const times = runningMaxTimes(withVerdicts);
    expect(times).toEqual([0, 10, 20, 30, 40, 40, 50]);
    expect(lastAtOrBefore(times, 16)).toBe(1);
    expect(lastAtOrBefore(times, 45)).toBe(5);
  });
});
