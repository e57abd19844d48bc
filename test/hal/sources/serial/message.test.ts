import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FrameParser,
  decodeFrame,
  encodeMessage,
  type SerialMessage,
} from '../../../../hal/sources/serial/index.ts';

const frame = (type: string, ...fields: string[]) => ({ type, fields, raw: '' });

describe('decodeFrame', () => {
  it.each<[string, string[], SerialMessage]>([
    ['SEP', ['s1a', '1'], { type: 'SEP', switchId: 's1a', separated: true }],
    ['SEP', ['S1-A.b_2', '0'], { type: 'SEP', switchId: 'S1-A.b_2', separated: false }],
    ['PWR', ['main', '28000'], { type: 'PWR', bus: 'main', millivolts: 28000 }],
    ['PWR', ['aux', '0'], { type: 'PWR', bus: 'aux', millivolts: 0 }],
    ['PWR', ['aux', '0028000'], { type: 'PWR', bus: 'aux', millivolts: 28000 }],
    ['LNK', ['sband', '1'], { type: 'LNK', link: 'sband', up: true }],
    ['LNK', ['sband', '0'], { type: 'LNK', link: 'sband', up: false }],
    ['HB', ['0'], { type: 'HB', seq: 0 }],
    ['HB', ['4294967295'], { type: 'HB', seq: 4294967295 }],
    ['ARM', ['1'], { type: 'ARM', armed: true }],
    ['ARM', ['0'], { type: 'ARM', armed: false }],
  ])('%s %j', (type, fields, message) => {
    expect(decodeFrame(frame(type, ...fields))).toEqual({ ok: true, message });
  });

  it.each<[string, string[], string]>([
    ['XYZ', [], 'unknown frame type "XYZ"'],
    ['SEP', ['s1a'], 'SEP takes 2 field(s), got 1'],
    ['SEP', ['s1a', '1', ''], 'SEP takes 2 field(s), got 3'],
    ['SEP', ['', '1'], 'switch id ""'],
    ['SEP', ['a b', '1'], 'switch id "a b"'],
    ['SEP', ['x'.repeat(33), '1'], 'switch id'],
    ['SEP', ['s1a', '2'], 'SEP state must be 0 or 1, got "2"'],
    ['SEP', ['s1a', ' 1'], 'SEP state must be 0 or 1'],
    ['PWR', ['main', '-5'], 'PWR millivolts must be 1-7 digits'],
    ['PWR', ['main', '28.5'], 'PWR millivolts'],
    ['PWR', ['main', '12345678'], 'PWR millivolts'],
    ['PWR', ['main', ''], 'PWR millivolts'],
    ['LNK', ['sband', 'up'], 'LNK state must be 0 or 1'],
    ['HB', ['4294967296'], 'HB seq must be an integer 0..4294967295'],
    ['HB', ['1e3'], 'HB seq'],
    ['HB', [''], 'HB seq'],
    ['ARM', ['yes'], 'ARM state must be 0 or 1'],
    ['ARM', [], 'ARM takes 1 field(s), got 0'],
    ['constructor', [], 'unknown frame type'],
  ])('rejects %s %j', (type, fields, error) => {
    const r = decodeFrame(frame(type, ...fields));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(error);
  });
});

const ident = fc.stringMatching(/^[A-Za-z0-9_.-]{1,32}$/);
const message: fc.Arbitrary<SerialMessage> = fc.oneof(
  fc.record({ type: fc.constant('SEP' as const), switchId: ident, separated: fc.boolean() }),
  fc.record({ type: fc.constant('PWR' as const), bus: ident, millivolts: fc.integer({ min: 0, max: 9_999_999 }) }),
  fc.record({ type: fc.constant('LNK' as const), link: ident, up: fc.boolean() }),
  fc.record({ type: fc.constant('HB' as const), seq: fc.integer({ min: 0, max: 0xffff_ffff }) }),
  fc.record({ type: fc.constant('ARM' as const), armed: fc.boolean() }),
);

describe('encodeMessage', () => {
  it('round-trips through the parser and the decoder', () => {
    fc.assert(
      fc.property(message, (m) => {
        const { frames } = new FrameParser().push(new TextEncoder().encode(encodeMessage(m)));
        expect(frames).toHaveLength(1);
        expect(decodeFrame(frames[0]!)).toEqual({ ok: true, message: m });
      }),
    );
  });

  it.each<[SerialMessage]>([
    [{ type: 'SEP', switchId: 'a b', separated: true }],
    [{ type: 'PWR', bus: 'main', millivolts: -1 }],
    [{ type: 'PWR', bus: 'main', millivolts: 1.5 }],
    [{ type: 'HB', seq: 2 ** 32 }],
    [{ type: 'LNK', link: 'a,b', up: true }],
  ])('refuses %j', (m) => {
    expect(() => encodeMessage(m)).toThrow(RangeError);
  });
});
