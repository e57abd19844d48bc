import { describe, expect, it } from 'vitest';
import { commandMessages, initialState, keyCommand, keyLegend, type BoxLayout, type BoxState } from '../../../hal/switchbox/index.ts';

const layout: BoxLayout = {
  planes: [
    { plane: 's1', stage: 's1', switches: ['s1-a', 's1-b'] },
    { plane: 's2', stage: 's2', switches: ['s2-a', 's2-b', 's2-c'] },
  ],
  buses: [{ bus: 'bus', nominalMillivolts: 28_000 }],
  links: ['uhf', 'sband'],
};
const start: BoxState = initialState(layout, false);

describe('keyCommand', () => {
  it.each([
    ['1', { kind: 'plane', index: 0 }],
    ['2', { kind: 'plane', index: 1 }],
    ['3', undefined], // only two planes
    ['!', { kind: 'bounce', index: 0 }],
    ['@', { kind: 'bounce', index: 1 }],
    ['a', { kind: 'switch', switchId: 's1-a' }],
    ['e', { kind: 'switch', switchId: 's2-c' }],
    ['f', undefined],
    ['K', { kind: 'arm' }],
    ['H', { kind: 'heartbeat' }],
    ['L', { kind: 'links' }],
    ['U', { kind: 'bus-step', millivolts: 500 }],
    ['D', { kind: 'bus-step', millivolts: -500 }],
    ['X', { kind: 'bus-cut' }],
    ['S', { kind: 'resend' }],
    ['Q', { kind: 'quit' }],
    ['\u0003', { kind: 'quit' }],
    ['\u001b[A', undefined], // an arrow key
  ])('%j → %j', (key, cmd) => {
    expect(keyCommand(key, layout)).toEqual(cmd);
  });
});

const sep = (switchId: string, separated: boolean) => ({ type: 'SEP', switchId, separated });

describe('commandMessages', () => {
  it.each<[string, BoxState, unknown[], unknown[]]>([
    ['1', start, [sep('s1-a', true), sep('s1-b', true)], []],
    ['1', { ...start, switches: { ...start.switches, 's1-a': true } }, [sep('s1-a', true), sep('s1-b', true)], []], // half-separated → all
    ['1', { ...start, switches: { ...start.switches, 's1-a': true, 's1-b': true } }, [sep('s1-a', false), sep('s1-b', false)], []],
    ['!', start, [sep('s1-a', true), sep('s1-b', true)], [sep('s1-a', false), sep('s1-b', false)]],
    ['b', start, [sep('s1-b', true)], []],
    ['K', start, [{ type: 'ARM', armed: true }], []],
    ['L', start, [{ type: 'LNK', link: 'uhf', up: false }, { type: 'LNK', link: 'sband', up: false }], []],
    ['L', { ...start, links: { uhf: false, sband: true } }, [{ type: 'LNK', link: 'uhf', up: true }, { type: 'LNK', link: 'sband', up: true }], []],
    ['U', start, [{ type: 'PWR', bus: 'bus', millivolts: 28_500 }], []],
    ['D', { ...start, buses: { bus: 300 } }, [{ type: 'PWR', bus: 'bus', millivolts: 0 }], []],
    ['X', start, [{ type: 'PWR', bus: 'bus', millivolts: 0 }], []],
    ['X', { ...start, buses: { bus: 0 } }, [{ type: 'PWR', bus: 'bus', millivolts: 28_000 }], []],
  ])('key %j', (key, state, now, bounceBack) => {
    expect(commandMessages(keyCommand(key, layout)!, state, layout)).toEqual({ now, bounceBack });
  });

  it('the legend names every plane, switch and command', () => {
    const legend = keyLegend(layout);
    for (const word of ['plane s1 (stage s1)', 'switch s2-c', '  e ', 'ARM / SAFE', 'uhf, sband', 'Ctrl-C']) expect(legend).toContain(word);
  });
});
