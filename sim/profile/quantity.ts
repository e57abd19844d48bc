// Kubernetes resource quantities ("500m", "2", "8Gi") as numbers.
// upstream: k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity (suffixes in suffix.go)

const MULTIPLIER: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const QUANTITY = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?[0-9]+))?$/;

/** The quantity in base units (cores, bytes), or undefined if it is not a non-negative quantity. */
export function parseQuantity(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const m = QUANTITY.exec(input);
  if (!m) return undefined;
  const mantissa = Number(m[1]);
  const value = m[3] !== undefined ? mantissa * 10 ** Number(m[3]) : mantissa * (MULTIPLIER[m[2] ?? ''] as number);
  return Number.isFinite(value) ? value : undefined;
}

// toPrecision trims binary noise (0.1 * 1000 = 100.00000000000001) before rounding up.
function roundUp(x: number): number {
  return Math.ceil(Number(x.toPrecision(12)));
}

/** Millicores, rounded up as upstream Quantity.MilliValue does. */
export function toMillicores(cores: number): number {
  return roundUp(cores * 1000);
}

/** Whole bytes, rounded up as upstream Quantity.Value does. */
export function toBytes(bytes: number): number {
  return roundUp(bytes);
}
