// Parses label selector text (`a=b,c in (x,y),!d`) exactly as kube-apiserver and kubectl do, errors included.
// upstream: k8s.io/apimachinery/pkg/labels/selector.go Lexer, Parser, Parse
import { SelectorError } from './errors.ts';
import { fieldInvalid, isQualifiedName } from './validation.ts';
import { binaryOperators, compareBytes, newRequirement, type LabelOperator, type LabelRequirement } from './requirement.ts';

type Token =
  | 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

interface Item {
  readonly tok: Token;
  readonly lit: string;
}

const literalTokens: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', ')'], [',', ','], ['!', '!'], ['==', '=='], ['=', '='], ['>', '>'],
  ['in', 'in'], ['<', '<'], ['!=', '!='], ['notin', 'notin'], ['(', '('],
]);

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string): boolean => '=!(),><'.includes(ch) && ch.length === 1;

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos]!)) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    if (isSpecial(s[pos]!)) {
      // upstream: scanSpecialSymbol — grow while the buffer is still a known operator, keep the longest.
      let buffer = '';
      let last: Item | undefined;
      while (pos < s.length && isSpecial(s[pos]!)) {
        buffer += s[pos];
        const tok = literalTokens.get(buffer);
        if (tok) last = { tok, lit: buffer };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
      continue;
    }
    let word = '';
    while (pos < s.length && !isSpecial(s[pos]!) && !isWhitespace(s[pos]!)) word += s[pos++];
    items.push({ tok: literalTokens.get(word) ?? 'id', lit: word });
  }
}

/** Parses to requirements sorted by key (stable), as upstream's parse() returns them. */
export function parseRequirements(selector: string): LabelRequirement[] {
  const items = lex(selector);
  let position = 0;
  // In value context the keywords `in`/`notin` are plain identifiers (`x in (in)`).
  const look = (values: boolean): Item => asValue(items[position]!, values);
  const take = (values: boolean): Item => asValue(items[position++]!, values);

  const parseKeyAndInferOperator = (): { key: string; op: LabelOperator | '' } => {
    let op: LabelOperator | '' = '';
    let item = take(true);
    if (item.tok === '!') {
      op = '!';
      item = take(true);
    }
    if (item.tok !== 'id') throw new Error(`found '${item.lit}', expected: identifier`);
    const keyErrs = isQualifiedName(item.lit);
    // upstream validates against a nil *field.Path here, which prints as `<nil>`.
    if (keyErrs.length > 0) throw new Error(fieldInvalid('<nil>', item.lit, keyErrs.join('; ')));
    const next = look(true).tok;
    if ((next === 'eos' || next === ',') && op !== '!') op = 'exists';
    return { key: item.lit, op };
  };

  const parseOperator = (): LabelOperator => {
    const item = take(false);
    const map: Partial<Record<Token, LabelOperator>> = {
      in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=',
    };
    const op = map[item.tok];
    if (!op) throw new Error(`found '${item.lit}', expected: ${binaryOperators.join(', ')}`);
    return op;
  };

  const parseIdentifiersList = (): Set<string> => {
    const set = new Set<string>();
    for (;;) {
      const item = take(true);
      if (item.tok === 'id') {
        set.add(item.lit);
        const next = look(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') return set;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (item.tok === ',') {
        if (set.size === 0) set.add(''); // `(,`
        const next = look(true);
        if (next.tok === ')') {
          set.add(''); // `,)`
          return set;
        }
        if (next.tok === ',') {
          take(true);
          set.add(''); // `,,`
        }
      } else {
        throw new Error(`found '${item.lit}', expected: ',', or identifier`);
      }
    }
  };

  const parseValues = (): Set<string> => {
    const open = take(true);
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const next = look(true);
    if (next.tok === 'id' || next.tok === ',') {
      const set = parseIdentifiersList();
      // upstream reports the literal it looked ahead at before the list, not the bad one.
      if (take(true).tok !== ')') throw new Error(`found '${next.lit}', expected: ')'`);
      return set;
    }
    if (next.tok === ')') {
      take(true);
      return new Set(['']);
    }
    throw new Error(`found '${next.lit}', expected: ',', ')' or identifier`);
  };

  const parseExactValue = (): Set<string> => {
    const next = look(true);
    if (next.tok === 'eos' || next.tok === ',') return new Set(['']);
    const item = take(true);
    if (item.tok === 'id') return new Set([item.lit]);
    throw new Error(`found '${item.lit}', expected: identifier`);
  };

  const parseRequirement = (): LabelRequirement => {
    const { key, op: inferred } = parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return newRequirement(key, inferred, []);
    const op = parseOperator();
    const values = op === 'in' || op === 'notin' ? parseValues() : parseExactValue();
    // sets.String.List() returns the values sorted.
    return newRequirement(key, op, [...values].sort(compareBytes));
  };

  const requirements: LabelRequirement[] = [];
  for (;;) {
    const item = look(true);
    if (item.tok === 'eos') break;
    if (item.tok !== 'id' && item.tok !== '!') {
      throw new SelectorError(`found '${item.lit}', expected: !, identifier, or 'end of string'`);
    }
    try {
      requirements.push(parseRequirement());
    } catch (e) {
      throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`);
    }
    const after = take(true);
    if (after.tok === 'eos') break;
    if (after.tok !== ',') throw new SelectorError(`found '${after.lit}', expected: ',' or 'end of string'`);
    const next = look(true);
    if (next.tok !== 'id' && next.tok !== '!') throw new SelectorError(`found '${next.lit}', expected: identifier after ','`);
  }
  return sortByKey(requirements);
}

function asValue(item: Item, values: boolean): Item {
  return values && (item.tok === 'in' || item.tok === 'notin') ? { tok: 'id', lit: item.lit } : item;
}

/** upstream sorts requirements ByKey; a stable sort keeps same-key requirements in input order. */
export function sortByKey(reqs: LabelRequirement[]): LabelRequirement[] {
  return reqs.map((r, i) => ({ r, i })).sort((a, b) => compareBytes(a.r.key, b.r.key) || a.i - b.i).map((x) => x.r);
}
