import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { newStore } from './helpers.ts';

describe('handed-out objects never change', () => {
  it('every object returned, listed or delivered keeps the JSON it had when handed out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ op: fc.constantFrom('create', 'update', 'status', 'delete', 'list'), name: fc.constantFrom('a', 'b', 'c'), v: fc.nat(5) }), { maxLength: 80 }),
        (ops) => {
          const { store } = newStore();
          const handedOut: { obj: KubeObject; json: string }[] = [];
          const keep = (obj: KubeObject | undefined): void => {
            if (obj !== undefined) handedOut.push({ obj, json: JSON.stringify(obj) });
          };
          store.watch('pods', undefined, undefined, (e) => keep(e.object));
          for (const { op, name, v } of ops) {
            const cur = store.get('pods', 'd', name);
            keep(cur);
            if (op === 'create' && cur === undefined) keep(store.create('pods', { metadata: { namespace: 'd', name, labels: { v: String(v) } }, spec: { v } }));
            if (op === 'update' && cur !== undefined) keep(store.update('pods', { ...cur, spec: { v } }));
            if (op === 'status' && cur !== undefined) keep(store.update('pods', { ...cur, status: { v } }));
            if (op === 'delete' && cur !== undefined) keep(store.delete('pods', 'd', name));
            if (op === 'list') store.list('pods', undefined, { limit: 2 }).items.forEach(keep);
          }
          for (const h of handedOut) expect(JSON.stringify(h.obj)).toBe(h.json);
        },
      ),
      { numRuns: 200 },
    );
  });
});
