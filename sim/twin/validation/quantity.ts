// resource.Quantity parsing ("100m", "1Gi", "1e3", "0.5") to a plain number of base units (cores, bytes).
// upstream: k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity, parseQuantityString, suffix.go

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

/** Thrown for an unparseable quantity; `message` is upstream's error text. */
export class QuantityError extends Error {
  override readonly name = 'QuantityError';
}

const DECIMAL_SI: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SI: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Scanned {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** upstream: parseQuantityString — a hand-written scanner; "1.G" and "." are accepted as upstream accepts them. */
function scan(str: string): Scanned {
  let pos = 0;
  const end = str.length;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    const denomStart = ++pos;
    while (pos < end && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  // a character that is neither digit, suffix letter nor exponent sign: upstream's ErrFormatWrong
  if (pos < end) throw new QuantityError(ERR_FORMAT_WRONG);
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

/** upstream: suffixer.interpret — base-10 exponent, or base-2 exponent for binary SI. */
function interpret(suffix: string): { base: 2 | 10; exponent: number } {
  const dec = DECIMAL_SI[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec };
  const bin = BINARY_SI[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const exp = suffix.slice(1);
    if (/^[-+]?[0-9]+$/.test(exp)) return { base: 10, exponent: Number.parseInt(exp, 10) };
  }
  throw new QuantityError(ERR_SUFFIX);
}

/**
 * Parses a Kubernetes quantity to a number of base units: "100m" → 0.1, "1Gi" → 1073741824, "1e3" → 1000.
 * Numbers pass through (JSON bodies may carry `cpu: 2`). Throws QuantityError with upstream's message.
 */
export function parseQuantity(q: string | number): number {
  if (typeof q === 'number') {
    if (!Number.isFinite(q)) throw new QuantityError(ERR_NUMERIC);
    return q;
  }
  if (q.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
  if (q === '0') return 0;
  const { negative, num, denom, suffix } = scan(q);
  const { base, exponent } = interpret(suffix);
  const mantissa = Number(`${num}.${denom || '0'}`);
  if (!Number.isFinite(mantissa)) throw new QuantityError(ERR_NUMERIC);
  // Dividing by a power of ten (rather than multiplying by 1e-3) keeps "100m" exactly 0.1.
  const magnitude = base === 2 ? mantissa * 2 ** exponent : exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** True when `q` parses; for validators that report rather than throw. */
export function quantityError(q: unknown): string | undefined {
  if (typeof q !== 'string' && typeof q !== 'number') return ERR_FORMAT_WRONG;
  try {
    parseQuantity(q);
    return undefined;
  } catch (e) {
    return e instanceof QuantityError ? e.message : String(e);
  }
}
