// Table column text for selectors and label sets, as kubectl shows it.
import { describe, expect, it } from 'vitest';
import { formatLabelSelector, formatLabels } from '../../../sim/twin/selectors/index.ts';

describe('formatLabelSelector (metav1.FormatLabelSelector)', () => {
  it.each([
    [null, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web', tier: 'fe' } }, 'app=web,tier=fe'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod', 'dev'] }] }, 'env notin (dev,prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'Bogus' }] }, '<error>'],
  ])('%j → %s', (spec, text) => {
    expect(formatLabelSelector(spec)).toBe(text);
  });
});

describe('formatLabels (labels.FormatLabels)', () => {
  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ 'kis.dev/stage': '2', app: 'web' }, 'app=web,kis.dev/stage=2'],
  ])('%j → %s', (labels, text) => {
    expect(formatLabels(labels)).toBe(text);
  });
});
