import { describe, expect, it } from 'vitest';
import { createJournalModel } from '../../../web/model/index.ts';
import type { JournalRecord } from '../../../web/model/index.ts';
import { header, node, pod } from './journal-fixture.ts';

// Many records so that several snapshots exist (spacing 4) and a seek replays from different bases.
const records: JournalRecord[] = [node(0, 'a1'), node(0, 'b1'), pod(0, 'p1', 'added', { node: 'a1' }), pod(0, 'p2', 'added', { node: 'b1' })];
for (let i = 1; i <= 40; i++) records.push(pod(i * 100, 'p1', 'modified', { node: 'a1', restarts: i }));
records.push(node(5000, 'b1', 'modified', { ready: 'False' }));

describe('identity between nearby states', () => {
  it('keeps unchanged node and pod objects, replaces changed ones', () => {
    const m = createJournalModel(header(), records, { minSnapshotSpacing: 4 });
    const s1 = m.stateAt(1000);
    const s2 = m.stateAt(1100);
    expect(s2.nodes.get('a1')).toBe(s1.nodes.get('a1'));
    expect(s2.pods.get('ns/p2')).toBe(s1.pods.get('ns/p2'));
    expect(s2.pods.get('ns/p1')).not.toBe(s1.pods.get('ns/p1'));
    expect(s2.pods.get('ns/p1')!.restarts).toBe(11);
  });

  it('seeking back and forth yields the very same objects for the same instant', () => {
    const m = createJournalModel(header(), records, { minSnapshotSpacing: 4 });
    const a = m.stateAt(2250);
    m.stateAt(3900);
    m.stateAt(100);
    const b = m.stateAt(2250);
    for (const [k, v] of a.pods) expect(b.pods.get(k)).toBe(v);
    for (const [k, v] of a.nodes) expect(b.nodes.get(k)).toBe(v);
    expect(b.stages).toBe(a.stages);
  });

  it('the same t twice returns the same state; a returned state never changes after later seeks or appends', () => {
    const m = createJournalModel(header(), records, { minSnapshotSpacing: 4 });
    const a = m.stateAt(1500);
    expect(m.stateAt(1500)).toBe(a);
    const before = [...a.pods.values()];
    m.stateAt(4000);
    m.append(pod(6000, 'p3', 'added', { node: 'a1' }));
    m.stateAt(7000);
    expect([...a.pods.values()]).toEqual(before);
    expect(a.pods.has('ns/p3')).toBe(false);
  });

  it('a modified record that changes nothing visible keeps the object', () => {
    const m = createJournalModel(header(), [node(0, 'a1'), pod(0, 'p', 'added'), node(10, 'a1', 'modified'), pod(10, 'p', 'modified')]);
    expect(m.stateAt(10).nodes.get('a1')).toBe(m.stateAt(0).nodes.get('a1'));
    expect(m.stateAt(10).pods.get('ns/p')).toBe(m.stateAt(0).pods.get('ns/p'));
  });
});
