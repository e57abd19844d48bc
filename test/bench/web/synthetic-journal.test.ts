import { describe, expect, it } from 'vitest';
import { syntheticJournal } from '../../../bench/web/synthetic-journal.ts';
import { createJournalModel, parseJournalText } from '../../../web/model/index.ts';

const OPTS = { nodes: 30, pods: 300, stages: 3, durationMs: 600_000, seed: 9 };

describe('syntheticJournal', () => {
  it('is deterministic: same options, same text; another seed, another text', () => {
    expect(syntheticJournal(OPTS)).toBe(syntheticJournal(OPTS));
    expect(syntheticJournal({ ...OPTS, seed: 10 })).not.toBe(syntheticJournal(OPTS));
  });

  it('parses cleanly, in time order but for the verdicts at the end, and plays the whole story', () => {
    const p = parseJournalText(syntheticJournal(OPTS));
    expect(p.errors).toEqual([]);
    const body = p.records.filter((r) => r.kind !== 'expect');
    expect(body.every((r, i) => i === 0 || r.t >= body[i - 1]!.t)).toBe(true);
    expect(p.header.layout!.stages.map((s) => s.nodes.length)).toEqual([10, 10, 10]);
    const m = createJournalModel(p.header, p.records);
    const running = m.stateAt(60_000);
    expect(running.pods.size).toBe(300);
    expect([...running.pods.values()].every((x) => x.node && x.phase === 'Running')).toBe(true);
    const sep = 150_000;
    const after = m.stateAt(sep + 60_000);
    expect(after.stages[0]!.separatedAt).toBe(sep);
    expect([...after.nodes.values()].filter((n) => n.present)).toHaveLength(20);
    expect(after.pods.size).toBe(300);
    expect([...after.pods.values()].every((x) => !x.node!.startsWith('s1-'))).toBe(true);
    expect(m.stateAt(300_000 + 1000).buses.get('s3-bus')!.state).toBe('brownout');
    expect(m.stateAt(360_000 + 1000).links.get('s-band')!.up).toBe(false);
    expect(m.log().some((e) => e.category === 'event' && e.severity === 'warn')).toBe(true);
    expect(m.expectations().map((e) => e.status)).toEqual(['fail', 'pass']);
    expect(m.series('vehicle.altitudeM')!.t).toHaveLength(661);
  });

  it('one stage: no separation, still valid', () => {
    const p = parseJournalText(syntheticJournal({ ...OPTS, stages: 1 }));
    expect(p.errors).toEqual([]);
    expect(createJournalModel(p.header, p.records).stateAt(1e9).stages[0]!.separatedAt).toBeUndefined();
  });
});
