// Name and label syntax checks with upstream's exact messages (they reach kubectl users verbatim).
// upstream: k8s.io/apimachinery/pkg/util/validation/validation.go

const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** upstream: RegexError — the doubled space in "'my-name',  or '123-abc'" is upstream's own. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  const shown = examples.map((ex, i) => `${i > 0 ? ' or ' : ''}'${ex}', `).join('');
  return `${msg} (e.g. ${shown}regex used for validation is '${fmt}')`;
}

export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelValueFmt = `(${qualifiedNameFmt})?`;
const percentFmt = '[0-9]+%';
const anchored = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const RE = {
  label: anchored(dns1123LabelFmt),
  subdomain: anchored(dns1123SubdomainFmt),
  dns1035: anchored(dns1035LabelFmt),
  qualified: anchored(qualifiedNameFmt),
  labelValue: anchored(labelValueFmt),
  percent: anchored(percentFmt),
};
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!RE.label.test(value)) {
    const msg =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    errs.push(regexError(msg, dns1123LabelFmt, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!RE.subdomain.test(value)) {
    const msg =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    errs.push(regexError(msg, dns1123SubdomainFmt, 'example.com'));
  }
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!RE.dns1035.test(value)) {
    const msg =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    errs.push(regexError(msg, dns1035LabelFmt, 'my-name', 'abc-123'));
  }
  return errs;
}

/** upstream: IsQualifiedName — label and annotation keys, `[prefix/]name`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!RE.qualified.test(name)) errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** upstream: IsValidLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!RE.labelValue.test(value)) {
    const msg =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    errs.push(regexError(msg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** upstream: IsValidPercent. */
export function isValidPercent(value: string): string[] {
  if (RE.percent.test(value)) return [];
  return [regexError("a valid percent string must be a numeric string followed by an ending '%'", percentFmt, '1%', '93%')];
}

/** upstream: apimachinery/pkg/api/validation NameIsDNSSubdomain / NameIsDNSLabel / NameIsDNS1035Label — a
 *  generateName prefix may end in '-' (maskTrailingDash). */
export type NameValidator = (name: string, prefix: boolean) => string[];
const masked = (check: (v: string) => string[]): NameValidator => (name, prefix) =>
  check(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name);
export const nameIsDNSSubdomain: NameValidator = masked(isDNS1123Subdomain);
export const nameIsDNSLabel: NameValidator = masked(isDNS1123Label);
export const nameIsDNS1035Label: NameValidator = masked(isDNS1035Label);
