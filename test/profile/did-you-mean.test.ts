// Did-you-mean suggestions: close names are suggested, distant ones are not.

import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../sim/profile/index.ts';
import { editDistance } from '../../sim/profile/did-you-mean.ts';

const FIELDS = ['name', 'order', 'nodes', 'nominalVolts', 'brownoutVolts', 'cutoffVolts', 'replicas', 'to', 'id'];

describe('didYouMean', () => {
  it.each([
    ['nodse', 'nodes'], ['node', 'nodes'], ['nmae', 'name'], ['replica', 'replicas'], ['Replicas', 'replicas'],
    ['brownoutVolt', 'brownoutVolts'], ['cutofVolts', 'cutoffVolts'], ['NOMINALVOLTS', 'nominalVolts'], ['ordr', 'order'],
  ])('%s → %s', (input, expected) => {
    expect(didYouMean(input, FIELDS)).toBe(expected);
  });

  it.each(['colour', 'xyz', 'ab', 'nominal', 'stages', 'a'.repeat(200)])('%s → no suggestion', (input) => {
    expect(didYouMean(input, FIELDS)).toBeUndefined();
  });

  it.each([['kitten', 'sitting', 3], ['abc', 'acb', 1], ['', 'abc', 3], ['same', 'same', 0]] as const)('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
