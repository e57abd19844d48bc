import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArmState, SwitchBox, encodeMessage, type SerialMessage, type SwitchBoxOutput } from '../../../../hal/sources/serial/index.ts';

const bytes = (...ms: SerialMessage[]) => new TextEncoder().encode(ms.map(encodeMessage).join(''));
const sep = (switchId: string, separated: boolean): SerialMessage => ({ type: 'SEP', switchId, separated });
const hb = (seq: number): SerialMessage => ({ type: 'HB', seq });

function box(arm?: ArmState) {
  return new SwitchBox({
    box: 'box0',
    startMs: 0,
    heartbeatTimeoutMs: 500,
    planes: [{ plane: 's1-s2', stage: 's1', switches: ['s1a', 's1b'], policy: 'all', agreementWindowMs: 50 }],
    ...(arm ? { arm } : {}),
  });
}

function lines(o: SwitchBoxOutput): string[] {
  return [
    ...o.signals.map((s) => `${s.type}${s.type === 'separation' ? ` ${s.plane} ${s.stage} ${s.state}` : ''}@${s.t}`),
    ...o.alarms.map((a) => `${a.alarm} ${a.state} ${a.subject}`),
  ];
}

describe('SwitchBox', () => {
  it('confirms a separation once both switches held 20 ms', () => {
    const b = box();
    b.push(bytes(hb(1), sep('s1a', false), sep('s1b', false)), 0);
    expect(b.poll(30).signals).toEqual([]); // the initial attached readings agree: nothing to report
    b.push(bytes(sep('s1a', true)), 100);
    b.push(bytes(sep('s1b', true)), 103);
    expect(lines(b.poll(200))).toEqual(['separation s1-s2 s1 separated@123']);
  });

  it('ignores a bounce shorter than the debounce', () => {
    const b = box();
    b.push(bytes(sep('s1a', false), sep('s1b', false)), 0);
    b.push(bytes(sep('s1a', true), sep('s1b', true)), 100);
    b.push(bytes(sep('s1a', false), sep('s1b', false)), 110);
    expect(lines(b.poll(300)).filter((l) => l.startsWith('separation'))).toEqual([]);
  });

  it('1-of-2: a disagreement alarm and no separation', () => {
    const b = box();
    b.push(bytes(hb(1), sep('s1a', false), sep('s1b', false)), 0);
    b.push(bytes(hb(2), sep('s1a', true)), 100);
    expect(lines(b.push(bytes(hb(3)), 400))).toEqual(['switch-disagreement raised s1-s2']);
  });

  it('a silent box: a box-fault alarm, never a separation, and its key counts as SAFE', () => {
    const arm = new ArmState('key');
    const b = box(arm);
    b.push(bytes(hb(1), { type: 'ARM', armed: true }), 0);
    expect(arm.armed).toBe(true);
    expect(lines(b.poll(499))).toEqual([]);
    expect(lines(b.poll(10_000))).toEqual(['box-fault raised box0']);
    expect(arm.armed).toBe(false);
    expect(lines(b.push(bytes(hb(2), { type: 'ARM', armed: true }), 10_100))).toEqual(['arm@10100', 'box-fault cleared box0']);
    expect(arm.armed).toBe(true);
  });

  it('reports PWR and LNK as signals, unwired switches and bad frames as alarms and errors', () => {
    const b = box();
    const o = b.push(new TextEncoder().encode(`${encodeMessage({ type: 'PWR', bus: 'main', millivolts: 27400 })}noise$KIS,SEP,s1a*00\r\n${encodeMessage({ type: 'LNK', link: 'sband', up: false })}${encodeMessage(sep('zz', true))}`), 5);
    expect(lines(o)).toEqual(['power@5', 'link@5']);
    expect(lines(b.poll(100))).toEqual(['unknown-switch raised zz']);
    expect(b.counters()).toMatchObject({ good: 3, badChecksum: 1, garbageBytes: 5 });
    expect(o.errors).toHaveLength(1);
  });

  it('property: noise, torn and corrupted SEP frames never give a separation', () => {
    const frames = [encodeMessage(sep('s1a', true)), encodeMessage(sep('s1b', true))];
    const enc = (x: string) => new TextEncoder().encode(x);
    const chunk = fc.oneof(
      fc.uint8Array({ maxLength: 30 }),
      // A separation frame torn anywhere (its tail never arrives; the "$" of what follows cuts it).
      fc.tuple(fc.constantFrom(...frames), fc.nat(40)).map(([f, n]) => enc(`${f.slice(0, 1 + (n % (f.length - 1)))}$`)),
      // A separation frame with one byte corrupted.
      fc.tuple(fc.constantFrom(...frames), fc.nat(40), fc.integer({ min: 1, max: 255 })).map(([f, n, x]) => {
        const b = enc(f);
        const i = n % b.length;
        // Flipping the case of a checksum hex letter leaves the same frame: not a corruption.
        const flip = x === 0x20 && b[i]! >= 0x41 && b[i]! <= 0x46 ? 1 : x;
        b[i] = b[i]! ^ flip;
        return b;
      }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 20 }), (chunks) => {
        const b = box();
        let t = 0;
        const seen: string[] = [];
        for (const c of chunks) {
          t += 7;
          seen.push(...lines(b.push(c, t)));
        }
        seen.push(...lines(b.poll(t + 10_000)));
        expect(seen.filter((l) => l.startsWith('separation'))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
