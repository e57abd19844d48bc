// Label selector parsing, matching and printing against cases from upstream labels/selector_test.go.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SelectorError,
  labelSelectorFromSpec,
  labelSelectorString,
  matchesLabels,
  parseLabelSelector,
} from '../../../sim/twin/selectors/index.ts';

const valueRegexMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const nameRegexMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('parseLabelSelector: accepted input and canonical String()', () => {
  // upstream: TestSetSelectorParser / TestToString; String() sorts requirements by key and multi-values.
  it.each([
    ['', ''],
    ['\rx', 'x'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', 'this-is-another-dns.domain.com/key-with-dash in (so,what)'],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)'],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x  notin\t\t(abc,def)', 'x notin (abc,def)'],
    ['x in (abc,def)', 'x in (abc,def)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x in ()', 'x in ()'],
    ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'],
    ['x,y in (a)', 'x,y in (a)'],
    ['x=a', 'x=a'],
    ['x==a', 'x==a'],
    ['x>1', 'x>1'],
    ['x<7', 'x<7'],
    ['x=a,y!=b', 'x=a,y!=b'],
    ['y!=b,x=a', 'x=a,y!=b'],
    ['x=a,y!=b,z in (h,i,j)', 'x=a,y!=b,z in (h,i,j)'],
    ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'],
    ['a ', 'a'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['x=', 'x='],
    ['x= ,z= ', 'x=,z='],
    ['!x', '!x'],
    ['notin=in', 'notin=in'],
    ['b in (z,a),a', 'a,b in (a,z)'],
  ])('%j → %j', (text, canonical) => {
    expect(labelSelectorString(parseLabelSelector(text))).toBe(canonical);
  });
});

describe('parseLabelSelector: rejected input with upstream messages', () => {
  it.each([
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueRegexMsg}`],
    ['x,,y', "found ',', expected: identifier after ','"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['-a=b', `unable to parse requirement: <nil>: Invalid value: "-a": ${nameRegexMsg}`],
    ['x=>', "unable to parse requirement: found '>', expected: identifier"],
  ])('%j', (text, message) => {
    let caught: unknown;
    try {
      parseLabelSelector(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SelectorError);
    expect((caught as Error).message).toBe(message);
  });
});

describe('matchesLabels', () => {
  // upstream: TestSelectorMatches
  it.each([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x in (a,b)', { x: 'b' }, true],
    ['x notin (a,b)', {}, true],
    ['x=', { x: '' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['x>1', { x: 'abc' }, false],
    ['x in (a,b)', { x: 'c' }, false],
    ['x notin (a,b)', { x: 'a' }, false],
  ] as const)('%j on %j → %s', (text, labels, expected) => {
    expect(matchesLabels(parseLabelSelector(text), labels)).toBe(expected);
  });

  it('treats undefined labels as an empty set', () => {
    expect(matchesLabels(parseLabelSelector('!a'), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('a'), undefined)).toBe(false);
  });
});

describe('labelSelectorFromSpec (metav1.LabelSelectorAsSelector)', () => {
  it('null and undefined select nothing', () => {
    expect(matchesLabels(labelSelectorFromSpec(null), {})).toBe(false);
    expect(matchesLabels(labelSelectorFromSpec(undefined), { a: 'b' })).toBe(false);
    expect(labelSelectorString(labelSelectorFromSpec(null))).toBe('');
  });

  it('an empty spec selects everything', () => {
    expect(matchesLabels(labelSelectorFromSpec({}), {})).toBe(true);
    expect(matchesLabels(labelSelectorFromSpec({ matchLabels: {}, matchExpressions: [] }), { a: 'b' })).toBe(true);
  });

  it.each([
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['baz', 'bar'] }] }, 'foo in (bar,baz)'],
    [{ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['x'] }] }, 'foo notin (x)'],
    [{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }, 'foo'],
    [{ matchExpressions: [{ key: 'foo', operator: 'DoesNotExist' }] }, '!foo'],
    [{ matchLabels: { z: 'q' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'a,z=q'],
  ])('%j prints %j', (spec, text) => {
    expect(labelSelectorString(labelSelectorFromSpec(spec))).toBe(text);
  });

  it.each([
    [{ matchExpressions: [{ key: 'foo', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [] }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'foo', operator: 'Exists', values: ['a'] }] }, 'values: Invalid value: ["a"]: values set must be empty for exists and does not exist'],
    [{ matchLabels: { 'a b': 'c' } }, `key: Invalid value: "a b": ${nameRegexMsg}`],
  ])('%j throws %j', (spec, message) => {
    expect(() => labelSelectorFromSpec(spec)).toThrow(new SelectorError(message));
  });

  it('matches like the equivalent text selector', () => {
    const sel = labelSelectorFromSpec({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
    });
    expect(matchesLabels(sel, { app: 'web' })).toBe(true);
    expect(matchesLabels(sel, { app: 'web', tier: 'db' })).toBe(false);
    expect(matchesLabels(sel, { app: 'api' })).toBe(false);
  });
});

describe('properties', () => {
  it('parse never throws anything but SelectorError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab=!(), \tinotx<>-./_1'.split('')), maxLength: 24 }), (text) => {
        try {
          parseLabelSelector(text);
        } catch (e) {
          if (!(e instanceof SelectorError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('String() of a parsed selector parses back to the same String()', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab=!(), inotx<>1'.split('')), maxLength: 20 }), (text) => {
        let printed: string;
        try {
          printed = labelSelectorString(parseLabelSelector(text));
        } catch {
          return;
        }
        expect(labelSelectorString(parseLabelSelector(printed))).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('labelSelectorFromSpec with Object.prototype names', () => {
  it('rejects "constructor" as an operator', () => {
    expect(() => labelSelectorFromSpec({ matchExpressions: [{ key: 'a', operator: 'constructor' }] })).toThrow(
      new SelectorError('"constructor" is not a valid label selector operator'),
    );
  });
});
