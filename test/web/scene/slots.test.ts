import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseIndex, SlotAllocator } from '../../../web/scene/slots.ts';

describe('SlotAllocator', () => {
  it('hands out the lowest free slot per owner and keeps others in place', () => {
    const a = new SlotAllocator();
    expect([a.take('n1'), a.take('n1'), a.take('n1'), a.take('n2')]).toEqual([0, 1, 2, 0]);
    a.release('n1', 1);
    expect(a.extent('n1')).toBe(3);
    expect(a.take('n1')).toBe(1);
    a.release('n1', 2);
    expect(a.extent('n1')).toBe(2);
    a.release('n1', 2); // twice: ignored
    expect(a.take('n1')).toBe(2);
  });
});

describe('DenseIndex', () => {
  it('stays dense and consistent under any adds and removes (against a plain list)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 }))), (ops) => {
        const d = new DenseIndex();
        const present = new Set<string>();
        for (const [add, n] of ops) {
          const key = `k${n}`;
          if (add) {
            d.add(key);
            present.add(key);
          } else {
            const r = d.remove(key);
            expect(r !== undefined).toBe(present.delete(key));
            if (r?.moved !== undefined) expect(d.indexOf(r.moved)).toBe(r.freed);
          }
          expect(d.count).toBe(present.size);
          for (const k of present) expect(d.keyAt(d.indexOf(k)!)).toBe(k);
        }
      }),
    );
  });
});
