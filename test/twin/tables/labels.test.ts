import { describe, expect, it } from 'vitest';
import { formatLabelSelector, formatLabels, labelSelectorString } from '../../../sim/twin/tables/labels.ts';

describe('formatLabels (upstream labels.FormatLabels / Set.String)', () => {
  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ b: '2', a: '1' }, 'a=1,b=2'],
    // Set.String sorts the joined "k=v" strings: '.' sorts before '='.
    [{ a: '1', 'a.b': '2' }, 'a.b=2,a=1'],
  ])('%o → %s', (labels, want) => {
    expect(formatLabels(labels)).toBe(want);
  });
});

describe('label selectors (upstream LabelSelectorAsSelector + Requirement.String)', () => {
  it.each([
    [undefined, ''],
    [{}, ''],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchExpressions: [{ key: 'z', operator: 'NotIn', values: ['y', 'x'] }, { key: 'e', operator: 'Exists' }, { key: 'd', operator: 'DoesNotExist' }] },
      '!d,e,z notin (x,y)'],
    [{ matchExpressions: [{ key: 'k', operator: 'In', values: ['only'] }] }, 'k in (only)'],
    [{ matchExpressions: [{ key: 'k', operator: 'Gt', values: ['1'] }] }, undefined],
    [{ matchExpressions: [{ key: 'k', operator: 'Exists', values: ['1'] }] }, undefined],
  ])('%o → %s', (sel, want) => {
    expect(labelSelectorString(sel)).toBe(want);
  });

  it.each([
    [undefined, '<none>'],
    [{ matchLabels: { app: 'x' } }, 'app=x'],
    [{ matchExpressions: [{ key: 'k', operator: 'In' }] }, '<error>'],
  ])('formatLabelSelector %o → %s', (sel, want) => {
    expect(formatLabelSelector(sel)).toBe(want);
  });
});
