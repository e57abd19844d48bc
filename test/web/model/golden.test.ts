import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournalModel, DEFAULT_STAGE, parseJournalText } from '../../../web/model/index.ts';
import type { JournalHeader, JournalRecord } from '../../../web/model/index.ts';

const DIR = join(import.meta.dirname, '../../fixtures/golden');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.journal.ndjson'));

function load(file: string): { header: JournalHeader; records: JournalRecord[] } {
  const p = parseJournalText(readFileSync(join(DIR, file), 'utf8'));
  expect(p.errors).toEqual([]);
  return p;
}

/** The same journal as an older writer wrote it: no header layout, node data without stage, bus or labels. */
function older({ header, records }: { header: JournalHeader; records: JournalRecord[] }): { header: JournalHeader; records: JournalRecord[] } {
  const { layout: _layout, ...rest } = header;
  const strip = (r: JournalRecord): JournalRecord => {
    if (r.kind !== 'cluster' || r.resource !== 'nodes' || !r.data) return r;
    const { stage: _s, bus: _b, labels: _l, conditions: _c, ...data } = r.data;
    return { ...r, data };
  };
  return { header: rest as JournalHeader, records: records.map(strip) };
}

describe.each(FILES)('golden journal %s', (file) => {
  it('opens; every node has a stage of the layout; the log, series and verdicts are there', () => {
    const { header, records } = load(file);
    const m = createJournalModel(header, records);
    const stageNames = new Set(m.layout.stages.map((s) => s.name));
    for (const t of [m.startMs, (m.startMs + m.endMs) / 2, m.endMs]) {
      const s = m.stateAt(t);
      for (const n of s.nodes.values()) expect(stageNames.has(n.stage!)).toBe(true);
      for (const p of s.pods.values()) expect(p.key).toBe(`${p.namespace}/${p.name}`);
    }
    expect(m.stateAt(m.startMs + 1).nodes.size).toBeGreaterThan(0);
    expect(m.log().length).toBeGreaterThan(0);
    expect(m.log().every((e, i, all) => i === 0 || e.index > all[i - 1]!.index)).toBe(true);
    expect(m.seriesNames().length).toBeGreaterThan(0);
    expect(m.podSeries().length).toBeGreaterThan(0);
    if (records.some((r) => r.kind === 'expect')) expect(m.expectations().every((e) => e.status !== 'pending')).toBe(true);
  });

  it('opens as an older writer wrote it (no layout, no stage on nodes), with stages derived', () => {
    const { header, records } = older(load(file));
    const m = createJournalModel(header, records);
    expect(m.layout.stages.length).toBeGreaterThan(0);
    const end = m.stateAt(m.endMs);
    const staged = new Set(m.layout.stages.flatMap((s) => s.nodes));
    expect(staged.size).toBeGreaterThan(0);
    for (const n of end.nodes.values()) expect(n.stage).toBeDefined();
  });
});

describe('older journals: stages derived', () => {
  it('the falcon9 journal without layout still shows its two stages and the first one separating', () => {
    const { header, records } = older(load('falcon9-leo.journal.ndjson'));
    const m = createJournalModel(header, records);
    expect(m.layout.stages.map((s) => s.name)).toEqual(['stage1', 'stage2']);
    const end = m.stateAt(m.endMs);
    expect(end.stages[0]!.separatedAt).toBeDefined();
    expect(end.stages[0]!.nodes).toContain('s1-fc-1');
    expect(end.nodes.get('s1-fc-1')).toMatchObject({ stage: 'stage1', present: false });
  });

  it('a journal saying nothing about stages has one stage, "vehicle"', () => {
    const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1 };
    const data = { ready: 'True', role: 'worker' } as const;
    const m = createJournalModel(header, [{ t: 0, kind: 'cluster', op: 'added', resource: 'nodes', name: 'n1', data }]);
    expect(m.layout.stages).toEqual([{ name: DEFAULT_STAGE, order: 1, nodes: [{ name: 'n1', role: 'worker', cpuMillicores: 0, memoryBytes: 0 }] }]);
    expect(m.stateAt(0).nodes.get('n1')!.stage).toBe(DEFAULT_STAGE);
  });
});
