// The owner index the ReplicaSet and Deployment controllers sync from: filing by controller reference, refiling
// order, and the in-place refresh for writes that kept the owner.
import { describe, expect, it } from 'vitest';
import { OwnedIndex } from '../../../sim/twin/controllers/replicaset-owned-index.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';

const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true };
const pod = (name: string, status: Record<string, unknown> = {}, refs: unknown[] = [owner]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, ownerReferences: refs as never },
  spec: {},
  status,
});
const ready = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:05Z' }] };
const names = (index: OwnedIndex) => [...index.owned('rs-uid').values()].map((p) => p.metadata.name);

describe('OwnedIndex', () => {
  it('files pods under their controller; a refiled pod moves to the end', () => {
    const index = new OwnedIndex('ReplicaSet');
    for (const n of ['a', 'b', 'c']) index.apply({ type: 'ADDED', object: pod(n) });
    index.apply({ type: 'MODIFIED', object: pod('a', ready) });
    expect(names(index)).toEqual(['b', 'c', 'a']);
    index.apply({ type: 'MODIFIED', object: pod('b', {}, []) });
    expect(names(index)).toEqual(['c', 'a']);
    expect([...index.orphansIn('default').values()].map((p) => p.metadata.name)).toEqual(['b']);
  });

  it('refresh replaces the entry in place with the new facts', () => {
    const index = new OwnedIndex('ReplicaSet');
    for (const n of ['a', 'b', 'c']) index.apply({ type: 'ADDED', object: pod(n) });
    const next = pod('a', ready);
    expect(index.refresh(next)?.after.obj).toBe(next);
    expect(names(index)).toEqual(['a', 'b', 'c']);
    const entry = [...index.owned('rs-uid').entries()][0]!;
    expect(entry.obj).toBe(next);
    expect(entry.ready).toBe(true);
    expect(entry.readySince).toBe(Date.UTC(2026, 0, 1, 0, 0, 5));
    expect(index.refresh(pod("a", { phase: "Succeeded" }))?.before.ready).toBe(true);
    expect([...index.owned('rs-uid').entries()][0]!.active).toBe(false);
  });

  it('refresh with the previous version finds the entry by that version\'s owner, the same as without', () => {
    const index = new OwnedIndex('ReplicaSet');
    const first = pod('a');
    index.apply({ type: 'ADDED', object: first });
    index.apply({ type: 'ADDED', object: pod('orphan', {}, []) });
    const next = pod('a', ready);
    expect(index.refresh(next, first)?.before.obj).toBe(first);
    expect([...index.owned('rs-uid').values()]).toEqual([next]);
    const orphanNext = pod('orphan', ready, []);
    expect(index.refresh(orphanNext, pod('orphan', {}, []))?.after.obj).toBe(orphanNext);
    // A previous version filed nowhere (another kind's) or an object never filed: the caller applies instead.
    expect(index.refresh(pod('x'), pod('x'))).toBeUndefined();
  });

  it('refresh refuses an object it has not filed (the caller applies it instead)', () => {
    const index = new OwnedIndex('ReplicaSet');
    expect(index.refresh(pod("x"))).toBeUndefined();
    index.apply({ type: 'ADDED', object: pod('x') });
    index.apply({ type: 'DELETED', object: pod('x') });
    expect(index.refresh(pod("x"))).toBeUndefined();
    expect(index.owned('rs-uid').size).toBe(0);
  });
});
