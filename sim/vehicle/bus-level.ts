// A bus's level from its voltage, with hysteresis. The same rule as hal/wiring/power-level.ts (which
// sim/vehicle may not import): the model marks a crossing exactly where the wiring will see one.
import type { BusLevel } from './types.ts';

const RANK: Record<BusLevel, number> = { nominal: 0, brownout: 1, cutoff: 2 };

export interface Thresholds {
  brownoutMv: number;
  cutoffMv: number;
  hysteresisMv: number;
}

/** Down at once when strictly below a threshold; back up only at threshold + hysteresis or more. */
export function nextBusLevel(current: BusLevel, millivolts: number, t: Thresholds): BusLevel {
  const down: BusLevel = millivolts < t.cutoffMv ? 'cutoff' : millivolts < t.brownoutMv ? 'brownout' : 'nominal';
  if (RANK[down] >= RANK[current]) return down;
  if (current === 'cutoff' && millivolts < t.cutoffMv + t.hysteresisMv) return 'cutoff';
  if (millivolts < t.brownoutMv + t.hysteresisMv) return 'brownout';
  return 'nominal';
}
