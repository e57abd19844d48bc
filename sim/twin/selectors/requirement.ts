// One label requirement (key, operator, values): construction with upstream validation, matching and String().
// upstream: k8s.io/apimachinery/pkg/labels/selector.go NewRequirement, Requirement.Matches, Requirement.String
import { SelectorError } from './errors.ts';
import { aggregate, fieldInvalid, goQuote, isQualifiedName, isValidLabelValue } from './validation.ts';

/** selection.Operator values, spelled as upstream spells them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

export const binaryOperators: readonly LabelOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const allOperators: readonly LabelOperator[] = [...binaryOperators, 'exists', '!'];

/** Builds a validated requirement; throws SelectorError with upstream's aggregated field errors. */
export function newRequirement(key: string, operator: string, values: readonly string[] | null, path = ''): LabelRequirement {
  const errs: string[] = [];
  const child = (name: string): string => (path ? `${path}.${name}` : name);
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length > 0) errs.push(fieldInvalid(child('key'), key, keyErrs.join('; ')));
  const vals = values ?? [];
  // upstream marshals the Go slice: a nil slice prints `null`, an empty one `[]`.
  const shownVals = values === null ? null : [...vals];
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(fieldInvalid(child('values'), shownVals, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(fieldInvalid(child('values'), shownVals, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(fieldInvalid(child('values'), shownVals, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(fieldInvalid(child('values'), shownVals, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseGoInt64(v) === undefined) {
          errs.push(fieldInvalid(`${child('values')}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(
        `${child('operator')}: Unsupported value: ${goQuote(operator)}: supported values: ${allOperators.map(goQuote).join(', ')}`,
      );
  }
  vals.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length > 0) errs.push(fieldInvalid(`${child('values')}[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  if (errs.length > 0) throw new SelectorError(aggregate(errs));
  return { key, operator: operator as LabelOperator, values: [...vals] };
}

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, in int64 range. */
export function parseGoInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

export function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key]! : '';
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const actual = parseGoInt64(value);
      const bound = parseGoInt64(r.values[0]!);
      if (actual === undefined || bound === undefined) return false;
      return r.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

const operatorText: Record<LabelOperator, string> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

export function requirementString(r: LabelRequirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  // upstream sorts multi-value sets on output only (safeSort), byte-wise like Go's sort.Strings.
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort(compareBytes).join(',');
  const set = r.operator === 'in' || r.operator === 'notin';
  return `${r.key}${operatorText[r.operator]}${set ? `(${values})` : values}`;
}

/** Go string ordering (UTF-8 bytes); for the ASCII that label values allow it equals code-unit order. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
