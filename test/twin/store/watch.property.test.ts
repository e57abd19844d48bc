import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject, WatchEvent } from '../../../sim/twin/store/index.ts';
import { newStore } from './helpers.ts';

type Op = { kind: 'create' | 'update' | 'delete'; resource: 'pods' | 'nodes'; ns: string; name: string; v: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('create', 'update', 'delete'),
  resource: fc.constantFrom('pods', 'nodes'),
  ns: fc.constantFrom('a', 'b'),
  name: fc.constantFrom('x', 'y', 'z'),
  v: fc.nat(3),
});

/** Applies an op if it makes sense in the current state; returns the RV it wrote, if any. */
function apply(store: ReturnType<typeof newStore>['store'], op: Op): void {
  const existing = store.get(op.resource, op.ns, op.name);
  if (op.kind === 'create' && existing === undefined) {
    store.create(op.resource, { metadata: { namespace: op.ns, name: op.name }, spec: { v: op.v } });
  } else if (op.kind === 'update' && existing !== undefined) {
    store.update(op.resource, { ...existing, spec: { v: op.v } }); // may be a no-op: then no event
  } else if (op.kind === 'delete' && existing !== undefined) {
    store.delete(op.resource, op.ns, op.name);
  }
}

describe('watch property', () => {
  it('a watch from RV r sees exactly the writes after r, in order', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.array(opArb, { maxLength: 30 }), fc.nat(), fc.option(fc.constantFrom('a', 'b'), { nil: undefined }), (before, after, cut, ns) => {
        const { store } = newStore(1_000);
        // A reference log of every write, recorded by an all-resource observer from the start.
        const truth: { rv: number; resource: string; ev: WatchEvent }[] = [];
        for (const resource of ['pods', 'nodes']) {
          store.watch(resource, undefined, undefined, (ev) => truth.push({ rv: Number(ev.object.metadata.resourceVersion), resource, ev }));
        }
        for (const op of before) apply(store, op);
        const r = 1 + (cut % Number(store.resourceVersion()));
        const got: WatchEvent[] = [];
        store.watch('pods', ns, String(r), (ev) => got.push(ev));
        for (const op of after) apply(store, op);

        const expected = truth
          .filter((t) => t.rv > r && t.resource === 'pods' && (ns === undefined || t.ev.object.metadata.namespace === ns))
          .map((t) => t.ev);
        expect(got).toEqual(expected);
        const rvs = got.map((e) => Number(e.object.metadata.resourceVersion));
        expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
        // The global RV sequence has no gaps: one write, one RV.
        expect(truth.map((t) => t.rv)).toEqual(truth.map((_, i) => i + 2));
      }),
      { numRuns: 300 },
    );
  });

  it('every page of a paged list equals the snapshot at the first page, whatever happens between pages', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.array(fc.array(opArb, { maxLength: 5 }), { maxLength: 10 }), fc.integer({ min: 1, max: 4 }), (setup, between, limit) => {
        const { store } = newStore(1_000);
        for (const op of setup) apply(store, op);
        const snapshot = store.list('pods', undefined).items;
        const got: KubeObject[] = [];
        let cont: string | undefined;
        let page = 0;
        do {
          const r = store.list('pods', undefined, { limit, continue: cont });
          got.push(...r.items);
          cont = r.continue;
          for (const op of between[page++] ?? []) apply(store, op);
        } while (cont !== undefined);
        expect(got).toEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  });
});
