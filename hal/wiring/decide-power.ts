// Power rules: voltage → level with hysteresis → brownout taint + load shedding, power-off below
// cutoff, and back; a bus (or one node's feed) cut or restored → power off/on. Repeats decide nothing.
import type { Action, NodeTarget, PowerSignal, PowerStateSignal } from '../signals/index.ts';
import { bus, causeOf, event, node, volts, type Decision } from './decision.ts';
import { nextPowerLevel } from './power-level.ts';
import { withItem, type PowerLevel, type WiringState } from './state.ts';
import type { Wiring } from './types.ts';

export function decidePower(signal: PowerSignal, state: WiringState, wiring: Wiring): Decision {
  const wired = wiring.power.find((b) => b.bus === signal.bus);
  if (!wired) {
    const alarm: Action = {
      type: 'alarm', alarm: 'unknown-bus', state: 'raised', subject: signal.bus,
      message: `a reading of ${volts(signal.millivolts)} on bus ${signal.bus}, which the wiring has no thresholds for; ignored`, ...causeOf(signal),
    };
    return { actions: [alarm], state };
  }
  const from: PowerLevel = state.power[signal.bus] ?? 'nominal';
  const to = nextPowerLevel(from, signal.millivolts, wired);
  if (to === from) return { actions: [], state };
  const power = { ...state.power };
  if (to === 'nominal') delete power[signal.bus];
  else power[signal.bus] = to;
  return { actions: transition(signal, from, to, wiring), state: { ...state, power } };
}

function transition(signal: PowerSignal, from: PowerLevel, to: PowerLevel, wiring: Wiring): Action[] {
  const target = bus(signal.bus);
  const c = causeOf(signal);
  const at = `bus ${signal.bus} at ${volts(signal.millivolts)}`;
  const out: Action[] = [];
  if (from === 'nominal') {
    // Entering brownout (or falling straight through it): stop new pods, shed the least important.
    out.push(event(signal, target, 'PowerBrownout', 'Warning', `${at}: below brownout`), { type: 'brownout-taint', target, ...c });
    if (wiring.shedBelowPriority !== undefined) out.push({ type: 'shed-pods', target, belowPriority: wiring.shedBelowPriority, ...c });
  }
  if (to === 'cutoff') {
    out.push(event(signal, target, 'PowerLost', 'Warning', `${at}: below cutoff, nodes powered off`), { type: 'power-off', target, ...c });
  }
  if (from === 'cutoff') {
    out.push({ type: 'power-on', target, ...c }, event(signal, target, 'PowerRestored', 'Normal', `${at}: above cutoff, nodes powered on`));
  }
  if (to === 'nominal') {
    out.push({ type: 'brownout-untaint', target, ...c }, event(signal, target, 'PowerRestored', 'Normal', `${at}: nominal again`));
  }
  return out;
}

export function decidePowerState(signal: PowerStateSignal, state: WiringState): Decision {
  const key = signal.node === undefined ? signal.bus : `${signal.bus}/${signal.node}`;
  const lost = signal.state === 'lost';
  if (state.cut.includes(key) === lost) return { actions: [], state };
  const target: NodeTarget = signal.node === undefined ? bus(signal.bus) : node(signal.node);
  const what = signal.node === undefined ? `bus ${signal.bus}` : `node ${signal.node} (bus ${signal.bus})`;
  const c = causeOf(signal);
  const actions: Action[] = lost
    ? [event(signal, target, 'PowerLost', 'Warning', `power lost on ${what}`), { type: 'power-off', target, ...c }]
    : [{ type: 'power-on', target, ...c }, event(signal, target, 'PowerRestored', 'Normal', `power restored on ${what}`)];
  return { actions, state: { ...state, cut: withItem(state.cut, key, lost) } };
}
