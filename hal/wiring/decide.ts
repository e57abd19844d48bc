// decide(): the pure rule book — one signal and the current state in, the actions and the next state
// out. No I/O and no clock, so every rule is a table test and a replay decides exactly as the run did.
import type { Action, CustomSignal, LinkSignal, NodeFaultSignal, Signal } from '../signals/index.ts';
import { causeOf, event, node, stage, type Decision } from './decision.ts';
import { decidePower, decidePowerState } from './decide-power.ts';
import { decidePrepare, decideSeparation, PREPARE_SEPARATION } from './decide-separation.ts';
import { withItem, type WiringState } from './state.ts';
import type { Wiring } from './types.ts';

export type { Decision } from './decision.ts';

export function decide(signal: Signal, state: WiringState, wiring: Wiring): Decision {
  switch (signal.type) {
    case 'separation':
      return decideSeparation(signal, state, wiring);
    case 'power':
      return decidePower(signal, state, wiring);
    case 'power-state':
      return decidePowerState(signal, state);
    case 'link':
      return decideLink(signal, state, wiring);
    case 'node-fault':
      return { actions: nodeFault(signal), state };
    case 'scale':
      return {
        actions: [{ type: 'scale-workload', workload: signal.workload, replicas: signal.replicas, ...ns(signal.namespace), ...causeOf(signal) }],
        state,
      };
    case 'rollout':
      return {
        actions: [{
          type: 'rollout-image', workload: signal.workload, image: signal.image,
          ...ns(signal.namespace), ...(signal.container === undefined ? {} : { container: signal.container }), ...causeOf(signal),
        }],
        state,
      };
    case 'custom':
      return decideCustom(signal, state, wiring);
    case 'heartbeat':
    case 'arm':
      // Supervision and arming live in the sources and the executor's interlock, not in the rules.
      return { actions: [], state };
  }
}

function ns(namespace: string | undefined): { namespace?: string } {
  return namespace === undefined ? {} : { namespace };
}

function decideLink(signal: LinkSignal, state: WiringState, wiring: Wiring): Decision {
  const down = signal.state === 'down';
  if (state.linksDown.includes(signal.link) === down) return { actions: [], state };
  const wired = wiring.links.find((l) => l.link === signal.link);
  const stages = wired && wired.stages.length > 0 ? wired.stages : wiring.stages;
  const c = causeOf(signal);
  const actions: Action[] = [];
  for (const s of stages) {
    const target = stage(s);
    actions.push(
      down ? { type: 'link-lost', link: signal.link, target, ...c } : { type: 'link-acquired', link: signal.link, target, ...c },
      event(signal, target, down ? 'LinkLost' : 'LinkAcquired', down ? 'Warning' : 'Normal',
        `link ${signal.link} ${down ? 'lost' : 'acquired'}${signal.latencyMs === undefined ? '' : ` (${signal.latencyMs} ms)`}`),
    );
  }
  return { actions, state: { ...state, linksDown: withItem(state.linksDown, signal.link, down) } };
}

function nodeFault(signal: NodeFaultSignal): Action[] {
  const target = node(signal.node);
  const c = causeOf(signal);
  switch (signal.fault) {
    case 'crash':
    case 'partition':
      return [{ type: 'node-fault', target, fault: signal.fault, ...c }];
    case 'heal':
      return [{ type: 'node-fault', target, fault: 'clear', ...c }];
    case 'reboot':
      // A reboot is a power cycle: the twin's kubelet goes NotReady and re-registers.
      return [{ type: 'power-off', target, ...c }, { type: 'power-on', target, ...c }];
  }
}

function decideCustom(signal: CustomSignal, state: WiringState, wiring: Wiring): Decision {
  if (signal.name === PREPARE_SEPARATION) return decidePrepare(signal, state);
  const actions = Object.hasOwn(wiring.commands, signal.name) ? wiring.commands[signal.name] : undefined;
  if (actions === undefined) return { actions: [], state };
  return { actions: actions.map((a) => ({ ...a, ...causeOf(signal) })), state };
}
