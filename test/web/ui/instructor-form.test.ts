import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSignal } from '../../../hal/signals/index.ts';
import { buildSignal, describeSignal, type InstructorRequest } from '../../../web/ui/instructor-form.ts';

describe('instructor console signals', () => {
  it.each([
    [{ kind: 'separate', stage: 'stage1' }, { type: 'separation', plane: 'stage1', stage: 'stage1', state: 'separated' }, 'separate stage1'],
    [{ kind: 'brownout', bus: 's1-bus', volts: 22.5 }, { type: 'power', bus: 's1-bus', millivolts: 22_500 }, 'bus s1-bus to 22.5 V'],
    [{ kind: 'cut-bus', bus: 's2-bus' }, { type: 'power-state', bus: 's2-bus', state: 'lost' }, 'bus s2-bus lost'],
    [{ kind: 'restore-bus', bus: 's2-bus' }, { type: 'power-state', bus: 's2-bus', state: 'restored' }, 'bus s2-bus restored'],
    [{ kind: 'drop-link', link: 's-band' }, { type: 'link', link: 's-band', state: 'down' }, 'link s-band down'],
    [{ kind: 'restore-link', link: 's-band' }, { type: 'link', link: 's-band', state: 'up' }, 'link s-band up'],
    [{ kind: 'crash-node', node: 's2-fc-1' }, { type: 'node-fault', node: 's2-fc-1', fault: 'crash' }, 'crash s2-fc-1'],
    [{ kind: 'rollout', workload: 'gnc', image: ' registry.local/gnc:1.2 ' }, { type: 'rollout', workload: 'gnc', image: 'registry.local/gnc:1.2' }, 'roll out gnc → registry.local/gnc:1.2'],
  ] as [InstructorRequest, unknown, string][])('%j', (req, want, text) => {
    const built = buildSignal(req);
    expect(built).toEqual({ ok: true, signal: want });
    if (!built.ok) return;
    expect(describeSignal(built.signal)).toBe(text);
    // Once the server stamps source and t, it is a valid Signal by the project's own schema.
    expect(checkSignal({ ...built.signal, source: 'instructor', t: 0 })).toBeUndefined();
  });

  it.each([
    [{ kind: 'separate', stage: ' ' }, /choose a stage/],
    [{ kind: 'brownout', bus: 'b', volts: Number.NaN }, /volts/],
    [{ kind: 'brownout', bus: 'b', volts: -1 }, /volts/],
    [{ kind: 'crash-node', node: '' }, /choose a node/],
    [{ kind: 'rollout', workload: 'gnc', image: 'has space:1' }, /not an image/],
    [{ kind: 'rollout', workload: 'gnc', image: '' }, /not an image/],
  ] as [InstructorRequest, RegExp][])('refuses %j', (req, why) => {
    const built = buildSignal(req);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.error).toMatch(why);
  });

  it('any volts in range give whole millivolts', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (volts) => {
        const b = buildSignal({ kind: 'brownout', bus: 'b', volts });
        expect(b.ok && b.signal.type === 'power' && Number.isInteger(b.signal.millivolts)).toBe(true);
      }),
    );
  });
});
