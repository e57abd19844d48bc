// Runs the shared Clock contract against every implementation that can be driven without wall time.
import { LockstepClock, ManualClock, ScaledClock } from '../../sim/core/index.ts';
import { runClockContract } from './clock-contract.ts';

const START = Date.UTC(2026, 0, 1);

runClockContract('ManualClock', () => {
  const clock = new ManualClock(START);
  return { clock, advance: async (ms) => void clock.tick(ms) };
});

runClockContract('LockstepClock', () => {
  const clock = new LockstepClock({ start: START });
  return { clock, advance: async (ms) => void (await clock.runFor(ms)) };
});

runClockContract('ScaledClock ×10 over a ManualClock', () => {
  const base = new ManualClock(0);
  const clock = new ScaledClock(10, { base, start: START });
  return { clock, advance: async (ms) => void base.tick(Math.ceil(ms / 10)) };
});

runClockContract('ScaledClock ×0.5 over a LockstepClock', () => {
  const base = new LockstepClock({ start: 0 });
  const clock = new ScaledClock(0.5, { base, start: START });
  return { clock, advance: async (ms) => void (await base.runFor(ms * 2)) };
});
