import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPrinter, printedResources, supportsTable, toTable, type KubeObjectLike } from '../../../sim/twin/tables/index.ts';
import { NOW, S, ago } from './fixtures.ts';

const pod: KubeObjectLike = {
  metadata: { name: 'p1', namespace: 'flight', uid: 'u1', resourceVersion: '42', labels: { app: 'a' }, creationTimestamp: ago(45 * S) },
  spec: { containers: [{ name: 'c', image: 'i' }] },
  status: { phase: 'Pending' },
};

describe('toTable envelope', () => {
  it('is a meta.k8s.io/v1 Table carrying list metadata only when set', () => {
    const t = toTable('pods', [pod], { now: NOW, resourceVersion: '99', continue: 'tok', remainingItemCount: 3 });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '99', continue: 'tok', remainingItemCount: 3 });
    expect(toTable('pods', [], { now: NOW }).metadata).toEqual({});
    expect(toTable('pods', [], { now: NOW }).rows).toEqual([]);
  });

  it('always carries wide columns (the apiserver prints with Wide: true) with upstream\'s shape', () => {
    const t = toTable('pods', [pod], { now: NOW });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(t.columnDefinitions[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
    expect(t.columnDefinitions[3]).toMatchObject({ name: 'Restarts', type: 'string', format: '', priority: 0 });
    expect(t.columnDefinitions[5]).toMatchObject({ name: 'IP', priority: 1 });
    expect(t.rows[0]!.cells).toEqual(['p1', '0/1', 'Pending', '0', '45s', '<none>', '<none>', '<none>', '<none>']);
  });

  it('leaves column definitions out with noHeaders (watch events after the first)', () => {
    const t = toTable('pods', [pod], { now: NOW, noHeaders: true });
    expect(t.columnDefinitions).toEqual([]);
    expect(t.rows).toHaveLength(1);
  });
});

describe('row.object by includeObject (upstream handlers/response.go asTable)', () => {
  it('defaults to Metadata: a PartialObjectMetadata with the whole metadata', () => {
    const row = toTable('pods', [pod], { now: NOW }).rows[0]!;
    expect(row.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata });
    expect(JSON.stringify(row.object)).not.toContain('containers');
  });

  it('Object embeds the full object with its type filled in', () => {
    const row = toTable('pods', [pod], { now: NOW, includeObject: 'Object' }).rows[0]!;
    expect(row.object).toEqual({ ...pod, apiVersion: 'v1', kind: 'Pod' });
    const typed = toTable('deployments.apps', [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }], { now: NOW, includeObject: 'Object' });
    expect(typed.rows[0]!.object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
  });

  it('None omits the object', () => {
    const row = toTable('pods', [pod], { now: NOW, includeObject: 'None' }).rows[0]!;
    expect('object' in row).toBe(false);
  });

  it('does not mutate the stored objects', () => {
    const before = JSON.stringify(pod);
    toTable('pods', [pod], { now: NOW, includeObject: 'Object' });
    toTable('pods', [pod], { now: NOW });
    expect(JSON.stringify(pod)).toBe(before);
  });
});

describe('the default table (upstream rest.defaultTableConvertor)', () => {
  it('gives a resource without a printer NAME and CREATED AT', () => {
    const obj = { apiVersion: 'kis.dev/v1', kind: 'Vehicle', metadata: { name: 'falcon', creationTimestamp: '2025-02-28T10:00:00Z' } };
    const t = toTable('vehicles.kis.dev', [obj], { now: NOW, includeObject: 'Object' });
    expect(t.columnDefinitions.map((c) => [c.name, c.type, c.format])).toEqual([['Name', 'string', 'name'], ['Created At', 'date', '']]);
    expect(t.rows[0]!.cells).toEqual(['falcon', '2025-02-28T10:00:00Z']);
    expect(t.rows[0]!.object).toEqual(obj);
  });

  it('resource names need their group: "deployments" alone is not apps\' deployments', () => {
    expect(hasPrinter('deployments.apps')).toBe(true);
    expect(hasPrinter('deployments')).toBe(false);
    expect(toTable('deployments', [], { now: NOW }).columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Created At']);
  });

  it.each([
    ['pods', true], ['vehicles.kis.dev', true], ['pods/log', false], ['', false],
  ])('supportsTable(%s) → %s', (resource, want) => {
    expect(supportsTable(resource)).toBe(want);
  });
});

describe('robustness: stored objects are untrusted JSON', () => {
  const resources = [...printedResources(), 'widgets.example.com'];
  it('every printer yields one cell per column and never throws, whatever the object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...resources), fc.array(fc.anything(), { maxLength: 3 }), (resource, objs) => {
        const t = toTable(resource, objs as KubeObjectLike[], { now: NOW, includeObject: 'Object' });
        expect(t.rows).toHaveLength(objs.length);
        for (const row of t.rows) expect(row.cells).toHaveLength(t.columnDefinitions.length);
      }),
      { numRuns: 300 },
    );
  });

  it('cells are JSON scalars', () => {
    fc.assert(
      fc.property(fc.constantFrom(...resources), fc.object({ maxDepth: 4 }), (resource, obj) => {
        for (const cell of toTable(resource, [obj], { now: NOW }).rows[0]!.cells) {
          expect(['string', 'number', 'boolean']).toContain(typeof cell);
        }
      }),
      { numRuns: 300 },
    );
  });
});
