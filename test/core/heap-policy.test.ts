// The heap policy: the V8 flag set from the environment's setting or the default, and bad settings refused.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { applyHeapPolicy, DEFAULT_HEAP_GROWING_PERCENT, heapGrowingPercent } from '../../sim/core/index.ts';

describe('heap policy', () => {
  it.each([
    [undefined, DEFAULT_HEAP_GROWING_PERCENT],
    ['', DEFAULT_HEAP_GROWING_PERCENT],
    ['100', 100],
    ['0', undefined],
  ])('KIS_HEAP_GROWING_PERCENT=%s → %s', (raw, want) => {
    expect(heapGrowingPercent({ KIS_HEAP_GROWING_PERCENT: raw })).toBe(want);
  });

  it.each(['-5', '1.5', 'lots', '5000'])('refuses KIS_HEAP_GROWING_PERCENT=%s, naming the variable', (raw) => {
    expect(() => heapGrowingPercent({ KIS_HEAP_GROWING_PERCENT: raw })).toThrow(/KIS_HEAP_GROWING_PERCENT must be an integer percentage/);
  });

  it('sets the V8 flag once, or not at all for V8’s default', () => {
    const set: string[] = [];
    expect(applyHeapPolicy({}, (f) => set.push(f))).toBe(DEFAULT_HEAP_GROWING_PERCENT);
    expect(applyHeapPolicy({ KIS_HEAP_GROWING_PERCENT: '0' }, (f) => set.push(f))).toBeUndefined();
    expect(set).toEqual([`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`]);
  });

  it('is a flag this Node accepts (a misspelt flag would be ignored with a warning)', () => {
    const r = spawnSync(process.execPath, [`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`, '-e', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/bad option|unknown/i);
  });
});
