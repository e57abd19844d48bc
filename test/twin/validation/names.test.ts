// Name and label syntax, against upstream k8s.io/apimachinery/pkg/util/validation/validation_test.go cases.
import { describe, expect, it } from 'vitest';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  nameIsDNSSubdomain,
} from '../../../sim/twin/validation/names.ts';

const ok = (fn: (v: string) => string[], v: string): boolean => fn(v).length === 0;

describe.each([
  ['isDNS1123Label', isDNS1123Label, ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', 'a'.repeat(63)], ['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'a'.repeat(64)]],
  ['isDNS1123Subdomain', isDNS1123Subdomain, ['a', 'ab', 'a-1', '0', '11.22.33.44.55', 'a.b.c', 'example.com', `${'a'.repeat(63)}.${'b'.repeat(63)}`], ['', 'A', 'a..b', '.a', 'a.', '-a', 'a-', 'a_b', 'A.b', 'a'.repeat(254)]],
  ['isDNS1035Label', isDNS1035Label, ['a', 'ab', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)], ['', '0', '01', '1a', '1-a', 'A', 'a-', '-a', 'a.b', 'a'.repeat(64)]],
  ['isQualifiedName', isQualifiedName, ['simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', 'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`], ['nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc', 'example.com/', '/simple', 'a'.repeat(64), `${'a'.repeat(254)}/abc`]],
  ['isValidLabelValue', isValidLabelValue, ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''], ['nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-', '.starts.with.dot', 'ends.with.dot.', 'a'.repeat(64)]],
  ['isValidPercent', isValidPercent, ['0%', '00000%', '1%', '01%', '99%', '100%', '101%'], ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%']],
] as const)('%s', (_name, fn, good, bad) => {
  it.each(good.map((v) => [v]))('accepts %j', (v) => expect(fn(v)).toEqual([]));
  it.each(bad.map((v) => [v]))('rejects %j', (v) => expect(ok(fn, v)).toBe(false));
});

describe('messages', () => {
  it('reports length and pattern separately, as upstream does', () => {
    expect(isDNS1123Label('A'.repeat(64))).toEqual([
      'must be no more than 63 characters',
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
  });

  it('masks a trailing dash on generateName prefixes (maskTrailingDash)', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).not.toEqual([]);
  });
});
