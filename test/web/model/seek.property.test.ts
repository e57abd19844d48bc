import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJournalModel } from '../../../web/model/index.ts';
import type { JournalRecord, SceneState } from '../../../web/model/index.ts';
import { action, header, node, pod, sig } from './journal-fixture.ts';

const NODES = ['a1', 'a2', 'b1', 'b2', 'x9'];
const PODS = ['p1', 'p2', 'p3', 'p4'];

/** One random record at time t (anything the model reads, in any order a buggy writer could produce). */
const recordAt = (t: number): fc.Arbitrary<JournalRecord> =>
  fc.oneof(
    fc.record({ n: fc.constantFrom(...NODES), op: fc.constantFrom('added', 'modified', 'deleted'), ready: fc.constantFrom('True', 'False', 'Unknown'), cordon: fc.boolean() })
      .map(({ n, op, ready, cordon }) => node(t, n, op as 'added', { ready, unschedulable: cordon })),
    fc.record({ p: fc.constantFrom(...PODS), op: fc.constantFrom('added', 'modified', 'deleted'), n: fc.constantFrom(...NODES), phase: fc.constantFrom('Pending', 'Running', 'Terminating'), ready: fc.boolean() })
      .map(({ p, op, n, phase, ready }) => pod(t, p, op as 'added', { node: n, phase, ready })),
    fc.record({ bus: fc.constantFrom('s1-bus', 's2-bus'), mv: fc.integer({ min: 15000, max: 30000 }) }).map(({ bus, mv }) => sig(t, { type: 'power', bus, millivolts: mv })),
    fc.record({ bus: fc.constantFrom('s1-bus', 's2-bus'), st: fc.constantFrom('lost', 'restored') }).map(({ bus, st }) => sig(t, { type: 'power-state', bus, state: st })),
    fc.constantFrom('up', 'down').map((st) => sig(t, { type: 'link', link: 's-band', state: st })),
    fc.constantFrom('stage1', 'stage2').map((stage) => sig(t, { type: 'separation', plane: 'p', stage, state: 'separated' })),
    fc.constantFrom('stage1', 'stage2').map((stage) => action(t, { type: 'detach-stage', stage }, 'applied')),
    fc.constantFrom('hold', 'MECO').map((phase) => sig(t, { type: 'custom', name: 'flight-phase', data: { phase } })),
    fc.integer({ min: 0, max: 100 }).map((v): JournalRecord => ({ t, kind: 'telemetry', channel: 'vehicle', values: { altitudeM: v } })),
    fc.constantFrom('pass', 'fail').map((status): JournalRecord => ({ t: t - 50, kind: 'expect', name: 'gnc-up', status: status as 'pass' })),
  );

/** Records in time order (steps of 0..20 ms, so several share an instant). */
const journal = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 120 }).chain((steps) => {
  let t = -20;
  return fc.tuple(...steps.map((s) => recordAt((t += s))));
});

function plain(s: SceneState): unknown {
  return { phase: s.phase, stages: s.stages, nodes: [...s.nodes], pods: [...s.pods].sort(), buses: [...s.buses], links: [...s.links], telemetry: [...s.telemetry] };
}

describe('stateAt through snapshots', () => {
  it('equals a from-scratch replay of the records up to t, for any seek order', () => {
    fc.assert(
      fc.property(journal, fc.array(fc.integer({ min: -30, max: 2500 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 8 }), (records, times, spacing) => {
        const model = createJournalModel(header(), records, { minSnapshotSpacing: spacing });
        for (const t of times) {
          // The prefix a replay reaches by t: records up to the last one whose running max time <= t.
          let max = -Infinity;
          let n = 0;
          records.forEach((r, i) => {
            max = Math.max(max, r.t);
            if (max <= t) n = i + 1;
          });
          const scratch = createJournalModel(header(), records.slice(0, n)).stateAt(t);
          expect(plain(model.stateAt(t))).toEqual(plain(scratch));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('appending one record at a time gives the same states as loading all at once', () => {
    fc.assert(
      fc.property(journal, fc.integer({ min: -30, max: 2500 }), (records, t) => {
        const live = createJournalModel(header(), [], { minSnapshotSpacing: 3 });
        for (const r of records) live.append(r);
        const loaded = createJournalModel(header(), records);
        expect(plain(live.stateAt(t))).toEqual(plain(loaded.stateAt(t)));
        expect(live.log()).toEqual(loaded.log());
        expect(live.podSeries()).toEqual(loaded.podSeries());
      }),
      { numRuns: 150 },
    );
  });
});
