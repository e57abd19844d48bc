// TimerHeap against a sorted-array model under random push/pop/remove sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap, type TimerEntry } from '../../sim/core/timer-heap.ts';

const entry = (seq: number, due: number): TimerEntry => ({ id: seq + 1, seq, due, period: undefined, fn: () => {}, index: -1 });
const byKey = (a: TimerEntry, b: TimerEntry): number => a.due - b.due || a.seq - b.seq;

type Op = { kind: 'push'; due: number } | { kind: 'pop' } | { kind: 'remove'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), due: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

describe('TimerHeap', () => {
  it('pops in (due, seq) order and removes from anywhere, like a sorted list', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = new TimerHeap();
        let model: TimerEntry[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const e = entry(seq++, o.due);
            heap.push(e);
            model.push(e);
            model.sort(byKey);
          } else if (o.kind === 'pop') {
            expect(heap.pop()).toBe(model.shift());
          } else if (model.length > 0) {
            const victim = model[o.pick % model.length]!;
            heap.remove(victim);
            heap.remove(victim); // a second remove is a no-op
            model = model.filter((e) => e !== victim);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model[0]);
        }
      }),
    );
  });
});
