// decide(): one table per rule family; each row is a state, a signal, the action types and the next state.
import { describe, expect, it } from 'vitest';
import type { Action, Signal } from '../../../hal/signals/index.ts';
import { decide, INITIAL_STATE, nextPowerLevel, type PowerLevel, type WiringState } from '../../../hal/wiring/index.ts';
import { WIRING } from './fixtures.ts';

const S = (x: Record<string, unknown>): Signal => ({ source: 'serial', t: 0, id: 'sig1', ...x }) as Signal;
const st = (x: Partial<WiringState> = {}): WiringState => ({ ...INITIAL_STATE, ...x });
/** Compact view of actions: "type target" lines. */
function view(actions: readonly Action[]): string[] {
  return actions.map((a) => {
    const parts: string[] = [a.type];
    if ('stage' in a) parts.push(a.stage);
    if ('target' in a) parts.push(`${a.target.by}:${a.target.name}`);
    if (a.type === 'emit-event') parts.push(a.reason, a.eventType);
    if (a.type === 'shed-pods') parts.push(`<${a.belowPriority}`);
    if (a.type === 'alarm') parts.push(a.alarm);
    if (a.type === 'node-fault') parts.push(a.fault);
    return parts.join(' ');
  });
}

describe('separation', () => {
  it.each([
    ['planned, not drained: cordon, drain, event, detach', st(), S({ type: 'separation', plane: 'p1', state: 'separated' }),
      ['cordon-stage stage1', 'drain-stage stage1', 'emit-event stage:stage1 StageSeparated Normal', 'detach-stage stage1'],
      st({ separated: ['p1'], drained: ['stage1'] })],
    ['planned, already drained: event, detach', st({ drained: ['stage1'] }), S({ type: 'separation', plane: 'p1', state: 'separated' }),
      ['emit-event stage:stage1 StageSeparated Normal', 'detach-stage stage1'], st({ separated: ['p1'], drained: ['stage1'] })],
    ['unplanned: event (Warning), detach', st(), S({ type: 'separation', plane: 'p2', state: 'separated' }),
      ['emit-event stage:stage2 StageSeparated Warning', 'detach-stage stage2'], st({ separated: ['p2'] })],
    ['repeat: nothing', st({ separated: ['p2'] }), S({ type: 'separation', plane: 'p2', state: 'separated' }), [], st({ separated: ['p2'] })],
    ['unwired plane with a stage from the source: unplanned', st(), S({ type: 'separation', plane: 'px', stage: 'stage2', state: 'separated' }),
      ['emit-event stage:stage2 StageSeparated Warning', 'detach-stage stage2'], st({ separated: ['px'] })],
    ['unwired plane, no stage: alarm, nothing detached', st(), S({ type: 'separation', plane: 'px', state: 'separated' }),
      ['alarm unknown-plane'], st({ separated: ['px'] })],
    ['re-attached (lab reset): state only', st({ separated: ['p1'] }), S({ type: 'separation', plane: 'p1', state: 'attached' }), [], st()],
    ['prepare-separation: cordon, drain', st(), S({ type: 'custom', name: 'prepare-separation', data: { stage: 'stage1' } }),
      ['cordon-stage stage1', 'drain-stage stage1'], st({ drained: ['stage1'] })],
    ['prepare-separation twice: nothing', st({ drained: ['stage1'] }), S({ type: 'custom', name: 'prepare-separation', data: { stage: 'stage1' } }),
      [], st({ drained: ['stage1'] })],
    ['prepare-separation without a stage: alarm', st(), S({ type: 'custom', name: 'prepare-separation', data: {} }), ['alarm bad-signal'], st()],
  ])('%s', (_name, state, signal, want, next) => {
    const d = decide(signal, state, WIRING);
    expect(view(d.actions)).toEqual(want);
    expect(d.state).toEqual(next);
    for (const a of d.actions) expect(a.cause).toBe('sig1');
  });
});

describe('power levels with hysteresis (brownout 24 V, cutoff 20 V, hysteresis 0.5 V)', () => {
  it.each<[PowerLevel, number, PowerLevel]>([
    ['nominal', 24_000, 'nominal'], // at the threshold is not below it
    ['nominal', 23_999, 'brownout'],
    ['nominal', 19_999, 'cutoff'],
    ['brownout', 24_000, 'brownout'],
    ['brownout', 24_499, 'brownout'],
    ['brownout', 24_500, 'nominal'],
    ['brownout', 20_000, 'brownout'],
    ['brownout', 19_999, 'cutoff'],
    ['cutoff', 20_400, 'cutoff'],
    ['cutoff', 20_500, 'brownout'],
    ['cutoff', 24_400, 'brownout'],
    ['cutoff', 28_000, 'nominal'],
  ])('%s at %i mV → %s', (from, mv, to) => {
    expect(nextPowerLevel(from, mv, WIRING.power[0]!)).toBe(to);
  });
});

describe('power', () => {
  const P = (mv: number) => S({ type: 'power', bus: 's1-bus', millivolts: mv });
  it.each([
    ['nominal reading: nothing', st(), P(27_000), [], st()],
    ['brownout: event, taint, shed', st(), P(23_000),
      ['emit-event power-bus:s1-bus PowerBrownout Warning', 'brownout-taint power-bus:s1-bus', 'shed-pods power-bus:s1-bus <1000'],
      st({ power: { 's1-bus': 'brownout' } })],
    ['jitter inside the hysteresis band: nothing', st({ power: { 's1-bus': 'brownout' } }), P(24_200), [], st({ power: { 's1-bus': 'brownout' } })],
    ['brownout → nominal: untaint, restored', st({ power: { 's1-bus': 'brownout' } }), P(25_000),
      ['brownout-untaint power-bus:s1-bus', 'emit-event power-bus:s1-bus PowerRestored Normal'], st()],
    ['straight to cutoff: brownout actions then power off', st(), P(5_000),
      ['emit-event power-bus:s1-bus PowerBrownout Warning', 'brownout-taint power-bus:s1-bus', 'shed-pods power-bus:s1-bus <1000',
        'emit-event power-bus:s1-bus PowerLost Warning', 'power-off power-bus:s1-bus'],
      st({ power: { 's1-bus': 'cutoff' } })],
    ['brownout → cutoff: power off', st({ power: { 's1-bus': 'brownout' } }), P(19_000),
      ['emit-event power-bus:s1-bus PowerLost Warning', 'power-off power-bus:s1-bus'], st({ power: { 's1-bus': 'cutoff' } })],
    ['cutoff → brownout: power on, still tainted', st({ power: { 's1-bus': 'cutoff' } }), P(22_000),
      ['power-on power-bus:s1-bus', 'emit-event power-bus:s1-bus PowerRestored Normal'], st({ power: { 's1-bus': 'brownout' } })],
    ['cutoff → nominal: power on and untaint', st({ power: { 's1-bus': 'cutoff' } }), P(28_000),
      ['power-on power-bus:s1-bus', 'emit-event power-bus:s1-bus PowerRestored Normal', 'brownout-untaint power-bus:s1-bus',
        'emit-event power-bus:s1-bus PowerRestored Normal'], st()],
    ['unknown bus: alarm', st(), S({ type: 'power', bus: 'nope', millivolts: 1 }), ['alarm unknown-bus'], st()],
    ['bus lost', st(), S({ type: 'power-state', bus: 's1-bus', state: 'lost' }),
      ['emit-event power-bus:s1-bus PowerLost Warning', 'power-off power-bus:s1-bus'], st({ cut: ['s1-bus'] })],
    ['bus lost twice: nothing', st({ cut: ['s1-bus'] }), S({ type: 'power-state', bus: 's1-bus', state: 'lost' }), [], st({ cut: ['s1-bus'] })],
    ['one node restored', st({ cut: ['s1-bus/n1'] }), S({ type: 'power-state', bus: 's1-bus', node: 'n1', state: 'restored' }),
      ['power-on node:n1', 'emit-event node:n1 PowerRestored Normal'], st()],
    ['restored without a loss: nothing', st(), S({ type: 'power-state', bus: 's1-bus', state: 'restored' }), [], st()],
  ])('%s', (_name, state, signal, want, next) => {
    const d = decide(signal, state, WIRING);
    expect(view(d.actions)).toEqual(want);
    expect(d.state).toEqual(next);
  });

  it('sheds nothing when the wiring sets no priority', () => {
    const { shedBelowPriority: _, ...rest } = WIRING;
    expect(view(decide(P(23_000), st(), rest).actions)).not.toContain('shed-pods power-bus:s1-bus <1000');
  });
});

describe('links, faults, workloads, commands', () => {
  it.each([
    ['link down: lost + event on the wired stages', st(), S({ type: 'link', link: 's-band', state: 'down' }),
      ['link-lost stage:stage2', 'emit-event stage:stage2 LinkLost Warning'], st({ linksDown: ['s-band'] })],
    ['link up again', st({ linksDown: ['s-band'] }), S({ type: 'link', link: 's-band', state: 'up' }),
      ['link-acquired stage:stage2', 'emit-event stage:stage2 LinkAcquired Normal'], st()],
    ['link already up: nothing', st(), S({ type: 'link', link: 's-band', state: 'up' }), [], st()],
    ['link with no stages: every stage', st(), S({ type: 'link', link: 'relay', state: 'down' }),
      ['link-lost stage:stage1', 'emit-event stage:stage1 LinkLost Warning', 'link-lost stage:stage2', 'emit-event stage:stage2 LinkLost Warning'],
      st({ linksDown: ['relay'] })],
    ['crash', st(), S({ type: 'node-fault', node: 'n1', fault: 'crash' }), ['node-fault node:n1 crash'], st()],
    ['partition', st(), S({ type: 'node-fault', node: 'n1', fault: 'partition' }), ['node-fault node:n1 partition'], st()],
    ['heal', st(), S({ type: 'node-fault', node: 'n1', fault: 'heal' }), ['node-fault node:n1 clear'], st()],
    ['reboot: a power cycle', st(), S({ type: 'node-fault', node: 'n1', fault: 'reboot' }), ['power-off node:n1', 'power-on node:n1'], st()],
    ['scale', st(), S({ type: 'scale', workload: 'gnc', replicas: 0 }), ['scale-workload'], st()],
    ['rollout', st(), S({ type: 'rollout', workload: 'gnc', image: 'gnc:2' }), ['rollout-image'], st()],
    ['a wired command', st(), S({ type: 'custom', name: 'start-payload', data: null }), ['scale-workload'], st()],
    ['an unknown command: nothing', st(), S({ type: 'custom', name: 'toString', data: null }), [], st()],
    ['heartbeat: nothing', st(), S({ type: 'heartbeat', box: 'box0', seq: 1 }), [], st()],
    ['arm: nothing (the executor interlocks)', st(), S({ type: 'arm', state: 'armed' }), [], st()],
  ])('%s', (_name, state, signal, want, next) => {
    const d = decide(signal, state, WIRING);
    expect(view(d.actions)).toEqual(want);
    expect(d.state).toEqual(next);
  });

  it('does not mutate the state it is given', () => {
    const state = st();
    const frozen = JSON.stringify(state);
    decide(S({ type: 'separation', plane: 'p1', state: 'separated' }), state, WIRING);
    decide(S({ type: 'power', bus: 's1-bus', millivolts: 1 }), state, WIRING);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});
