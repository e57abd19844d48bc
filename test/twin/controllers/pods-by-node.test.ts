// PodsByNode, fed by a real store watch through random pod histories, always agrees with the store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PodsByNode } from '../../../sim/twin/controllers/node-lifecycle-pods-by-node.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { newStore, pod } from '../store/helpers.ts';

type Step = { op: 'create' | 'bind' | 'status' | 'delete'; pod: number; node: number };

const truth = (items: KubeObject[]) => {
  const m = new Map<string, string[]>();
  for (const p of items) {
    const n = (p.spec as { nodeName?: string }).nodeName;
    if (n) m.set(n, [...(m.get(n) ?? []), `${p.metadata.namespace}/${p.metadata.name}`].sort());
  }
  return m;
};

describe('PodsByNode', () => {
  it('property: after any history of creates, binds, status writes and deletes, it files every pod where the store has it', () => {
    const step = fc.record({ op: fc.constantFrom<Step['op']>('create', 'bind', 'status', 'delete'), pod: fc.nat(5), node: fc.nat(2) });
    fc.assert(fc.property(fc.array(step, { maxLength: 40 }), fc.boolean(), (steps, replayLate) => {
      const { store } = newStore();
      const index = new PodsByNode();
      const attach = () => {
        for (const object of store.list('pods', undefined).items) index.apply({ type: 'ADDED', object });
        store.watch('pods', undefined, store.resourceVersion(), (ev, previous) => index.apply(ev, previous));
      };
      if (!replayLate) attach();
      for (const [i, s] of steps.entries()) {
        const name = `p${s.pod}`;
        const existing = store.get('pods', 'ns', name);
        if (replayLate && i === Math.floor(steps.length / 2)) attach();
        if (s.op === 'create' && !existing) store.create('pods', pod('ns', name, s.node === 0 ? { nodeName: 'n-pre' } : {}));
        else if (s.op === 'bind' && existing && !(existing.spec as { nodeName?: string }).nodeName) store.update('pods', { ...existing, spec: { ...(existing.spec as object), nodeName: `n${s.node}` } });
        else if (s.op === 'status' && existing) store.update('pods', { ...existing, status: { phase: `P${i}` } });
        else if (s.op === 'delete' && existing) store.delete('pods', 'ns', name);
      }
      if (replayLate && steps.length < 2) attach();
      const want = truth(store.list('pods', undefined).items);
      expect(index.nodes()).toEqual([...want.keys()].sort());
      for (const [node, keys] of want) expect(index.podsOn(node)).toEqual(keys);
    }));
  });

  it('reports where a pod was and is, for the callers that act on moves', () => {
    const index = new PodsByNode();
    const unbound = { metadata: { namespace: 'ns', name: 'a', uid: 'u' }, spec: {} } as KubeObject;
    const bound = { ...unbound, spec: { nodeName: 'n1' } };
    expect(index.apply({ type: 'ADDED', object: unbound })).toEqual({ before: undefined, after: undefined });
    expect(index.apply({ type: 'MODIFIED', object: bound }, unbound)).toEqual({ before: undefined, after: 'n1' });
    expect(index.apply({ type: 'MODIFIED', object: { ...bound, status: {} } }, bound)).toEqual({ before: 'n1', after: 'n1' });
    // A spec write that keeps the binding (a toleration added, say) does not move the pod either.
    const tolerating = { ...bound, spec: { nodeName: 'n1', tolerations: [] } };
    expect(index.apply({ type: 'MODIFIED', object: tolerating }, bound)).toEqual({ before: 'n1', after: 'n1' });
    expect(index.podsOn('n1')).toEqual(['ns/a']);
    expect(index.apply({ type: 'DELETED', object: tolerating })).toEqual({ before: 'n1', after: undefined });
    expect(index.nodes()).toEqual([]);
  });
});
