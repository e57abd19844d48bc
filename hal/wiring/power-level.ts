// Power level of a bus from its voltage, with hysteresis so a reading jittering on a threshold
// does not taint and untaint the nodes (or cut and restore them) on every sample. Pure.
import type { PowerBusWiring } from './types.ts';
import type { PowerLevel } from './state.ts';

const RANK: Record<PowerLevel, number> = { nominal: 0, brownout: 1, cutoff: 2 };

/**
 * Going down is immediate once strictly below a threshold; coming back up needs the voltage at or
 * above threshold + hysteresis. From cutoff a reading may land straight in nominal.
 */
export function nextPowerLevel(current: PowerLevel, millivolts: number, bus: PowerBusWiring): PowerLevel {
  const { brownoutMillivolts: brown, cutoffMillivolts: cut, hysteresisMillivolts: h } = bus;
  const down: PowerLevel = millivolts < cut ? 'cutoff' : millivolts < brown ? 'brownout' : 'nominal';
  if (RANK[down] >= RANK[current]) return down;
  // Recovering: each level is left only with margin above its own threshold.
  if (current === 'cutoff' && millivolts < cut + h) return 'cutoff';
  if (millivolts < brown + h) return 'brownout';
  return 'nominal';
}
