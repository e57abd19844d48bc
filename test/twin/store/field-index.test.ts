// The store's field index (pods by spec.nodeName): an indexed list gives exactly what a full walk gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Registry, resourceByKey } from '../../../sim/twin/api/index.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from './helpers.ts';

const nodeOf = (o: KubeObject) => (o.spec as { nodeName?: string } | undefined)?.nodeName;
const names = (r: { items: KubeObject[] }) => r.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('ObjectStore field index', () => {
  it('follows creates, moves and deletes, and lists in key order', () => {
    const { store } = newStore();
    store.create('pods', pod('b', 'x', { nodeName: 'n1' }));
    store.create('pods', pod('a', 'z', { nodeName: 'n1' }));
    store.addIndex('pods', 'spec.nodeName', nodeOf); // built from what is already stored
    store.create('pods', pod('a', 'y', { nodeName: 'n2' }));
    store.create('pods', pod('a-b', 'w', { nodeName: 'n1' }));
    expect(names(store.listIndexed('pods', undefined, 'spec.nodeName', 'n1'))).toEqual(['a-b/w', 'a/z', 'b/x']);
    store.update('pods', pod('a', 'y', { nodeName: 'n1' }));
    store.delete('pods', 'b', 'x');
    expect(names(store.listIndexed('pods', undefined, 'spec.nodeName', 'n1'))).toEqual(['a-b/w', 'a/y', 'a/z']);
    expect(names(store.listIndexed('pods', 'a', 'spec.nodeName', 'n1'))).toEqual(['a/y', 'a/z']);
    expect(store.listIndexed('pods', undefined, 'spec.nodeName', 'n2').items).toEqual([]);
  });

  it('refuses a second index on one field and a list on a missing one', () => {
    const { store } = newStore();
    store.addIndex('pods', 'spec.nodeName', nodeOf);
    expect(() => store.addIndex('pods', 'spec.nodeName', nodeOf)).toThrow(/exists already/);
    expect(() => store.listIndexed('pods', undefined, 'status.phase', 'Running')).toThrow(/no index/);
  });

  const op = fc.record({
    ns: fc.constantFrom('a', 'b', 'a-b'),
    name: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    node: fc.constantFrom('', 'n1', 'n2'),
    phase: fc.constantFrom('Pending', 'Running'),
    del: fc.boolean(),
  });

  it('registry lists with spec.nodeName selectors match a walk of every pod (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.constantFrom('n1', 'n2', ''), fc.constantFrom(undefined, 'a'), (ops, node, ns) => {
        const { store, clock } = newStore();
        const registry = new Registry({ store, clock });
        for (const o of ops) {
          const existing = store.get('pods', o.ns, o.name);
          if (o.del) {
            if (existing) store.delete('pods', o.ns, o.name);
          } else {
            const obj = { ...pod(o.ns, o.name, { nodeName: o.node }), status: { phase: o.phase } };
            if (existing) store.update('pods', obj);
            else store.create('pods', obj);
          }
        }
        const pods = resourceByKey('pods')!;
        for (const fieldSelector of [`spec.nodeName=${node}`, `spec.host=${node},status.phase=Running`, `spec.nodeName=${node},status.phase!=Running`]) {
          const indexed = registry.list(pods, ns ?? '', { fieldSelector });
          const walked = registry.list(pods, ns ?? '', { fieldSelector, limit: 1_000 });
          expect(names(indexed)).toEqual(names(walked));
        }
      }),
    );
  });
});
