// Battery and load figures for the power model: a state-of-charge → voltage curve and an estimate of
// what a bus's nodes draw when the profile gives no load.
import type { NodeSpec } from '../profile/index.ts';

/**
 * Open-circuit voltage as a fraction of the bus's nominal volts, by state of charge (0-1): the
 * usual lithium-ion shape, flat through the middle and falling off a cliff below ~10 %. Normalised
 * to 1.0 at full charge so a full battery reads the bus's nominal voltage (a regulated bus would
 * show no sag at all; an unregulated one sags like this).
 */
const CURVE: readonly (readonly [number, number])[] = [
  [0, 0.7],
  [0.02, 0.78],
  [0.05, 0.86],
  [0.1, 0.91],
  [0.2, 0.94],
  [0.5, 0.97],
  [0.8, 0.985],
  [1, 1],
];

/** Bus volts for a state of charge (fraction 0-1, clamped); piecewise linear through CURVE. */
export function batteryVolts(nominalVolts: number, stateOfCharge: number): number {
  const soc = Math.min(1, Math.max(0, stateOfCharge));
  for (let i = 1; i < CURVE.length; i++) {
    const [s1, f1] = CURVE[i]!;
    if (soc <= s1) {
      const [s0, f0] = CURVE[i - 1]!;
      return nominalVolts * (f0 + ((f1 - f0) * (soc - s0)) / (s1 - s0));
    }
  }
  return nominalVolts;
}

/** A flight computer's draw: ~10 W of board and memory plus ~8 W per core at load (kis's own estimate). */
export const NODE_BASE_WATTS = 10;
export const NODE_WATTS_PER_CORE = 8;

export function nodeWatts(node: NodeSpec): number {
  return NODE_BASE_WATTS + (NODE_WATTS_PER_CORE * node.cpu.millicores) / 1000;
}

/** The bus's load: the battery's loadWatts when the profile gives it, else the sum over its nodes. */
export function busLoadWatts(bus: string, nodes: readonly NodeSpec[], loadWatts?: number): number {
  if (loadWatts !== undefined) return loadWatts;
  return nodes.filter((n) => n.powerBus === bus).reduce((w, n) => w + nodeWatts(n), 0);
}
