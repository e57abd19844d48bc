// Field selectors (`spec.nodeName=n1,status.phase!=Running`): parse with backslash escapes, match, print.
// upstream: k8s.io/apimachinery/pkg/fields/selector.go ParseSelector, splitTerms, splitTerm, UnescapeValue, EscapeValue
import { SelectorError } from './errors.ts';

export interface FieldTerm {
  readonly field: string;
  /** `=` and `==` both parse to `=` upstream (hasTerm); `!=` is notHasTerm. */
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** An AND of terms; no terms selects everything. */
export interface FieldSelector {
  readonly terms: readonly FieldTerm[];
}

// `!=` and `==` are tried before `=` so `a==b` does not leave `=b` as the value.
const termOperators = ['!=', '==', '='] as const;

export function parseFieldSelector(text: string): FieldSelector {
  // upstream sorts the raw terms (Go byte order) before parsing them.
  const parts = splitTerms(text).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    const value = unescapeValue(split.rhs);
    terms.push({ field: split.lhs, operator: split.op === '!=' ? '!=' : '=', value });
  }
  return { terms };
}

/** Splits on commas not escaped by a backslash; the backslashes stay for unescapeValue. */
function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** The first operator occurrence splits the term: the field (lhs) has no escaping. */
function splitTerm(term: string): { lhs: string; op: string; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    const rest = term.slice(i);
    for (const op of termOperators) {
      if (rest.startsWith(op)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new SelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    // upstream prints the rune with %v, i.e. its code point number (`61` for `=`).
    else if (c === ',' || c === '=') throw new SelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue: the inverse of the unescaping above. */
export function escapeFieldValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

/** A missing field reads as "" (fields.Set.Get), so `x!=a` matches objects without x. */
export function matchesFields(sel: FieldSelector, fields: Readonly<Record<string, string>>): boolean {
  return sel.terms.every((t) => {
    const actual = Object.prototype.hasOwnProperty.call(fields, t.field) ? fields[t.field]! : '';
    return t.operator === '=' ? actual === t.value : actual !== t.value;
  });
}

/** The field names the selector uses, in order, without duplicates. */
export function requiredFields(sel: FieldSelector): string[] {
  return [...new Set(sel.terms.map((t) => t.field))];
}

/** Selector.String(): `field=value` / `field!=value` with escaped values, joined by `,`. */
export function fieldSelectorString(sel: FieldSelector): string {
  return sel.terms.map((t) => `${t.field}${t.operator}${escapeFieldValue(t.value)}`).join(',');
}

/** RequiresExactMatch: the value an `=` term pins the field to, for index lookups (e.g. spec.nodeName). */
export function exactFieldMatch(sel: FieldSelector, field: string): string | undefined {
  return sel.terms.find((t) => t.field === field && t.operator === '=')?.value;
}
