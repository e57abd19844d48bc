// An instructor's injection in a lockstep run: journalled as a signal with source "instructor", decided by
// the same wiring as the profile's signals, and acted on in the twin; refused before T0 and after the end.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJournal, type JournalRecord } from '../../hal/signals/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import type { InjectResult, RunControl } from '../../sim/run/live.ts';
import { runFlight } from '../../sim/run/runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-inject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('instructor injections in a run', () => {
  it('an injected separation right after liftoff detaches the booster long before the profile would', async () => {
    const profile = loadProfile('test/fixtures/profiles/run-tiny-ok.yaml');
    const outDir = join(dir, 'run');
    mkdirSync(outDir);
    let control: RunControl | undefined;
    let early: InjectResult | undefined;
    let injected: InjectResult | undefined;
    const seen: JournalRecord[] = [];
    let ended = -1;
    const outcome = await runFlight({
      profile, profilePath: 'run-tiny-ok.yaml', outDir, seed: 1, mode: 'fast',
      onStarted: (c) => {
        control = c;
        early = c.inject({ type: 'link', link: 'x', state: 'down' });
      },
      live: {
        header: () => undefined,
        record: (r, i) => {
          expect(i).toBe(seen.length);
          seen.push(r);
          // As a browser's message would: after the record is out, not inside the runner's call.
          if (r.kind === 'signal' && r.signal.type === 'custom' && r.signal.id === 'profile:liftoff') {
            queueMicrotask(() => (injected = control!.inject({ type: 'separation', plane: 'booster', stage: 'booster', state: 'separated' })));
          }
        },
        end: (n) => (ended = n),
      },
    });
    expect(outcome.aborted).toBeUndefined();
    expect(early).toEqual({ ok: false, reason: 'the mission has not started yet (pre-launch)' });
    // Live records leave at the end of their virtual instant (the journal's canonical order), so an instructor who
    // reacts to liftoff lands within a moment of it: far before the profile's own separation at T+20 s.
    expect(injected).toMatchObject({ ok: true, signal: { source: 'instructor', id: 'instructor:1', type: 'separation' } });
    const injectedAt = injected!.ok ? injected!.signal.t : Number.NaN;
    expect(injectedAt).toBeGreaterThanOrEqual(0);
    expect(injectedAt).toBeLessThan(2_000);
    expect(control!.inject({ type: 'link', link: 'x', state: 'down' })).toEqual({ ok: false, reason: 'the run is over' });

    const journal = parseJournal(readFileSync(join(outDir, 'journal.ndjson'), 'utf8'));
    expect(journal.records).toEqual(seen);
    expect(ended).toBe(seen.length);
    const sig = journal.records.findIndex((r) => r.kind === 'signal' && r.signal.source === 'instructor');
    expect(journal.records[sig]).toMatchObject({ t: injectedAt, kind: 'signal', signal: { id: 'instructor:1', plane: 'booster' } });
    const detach = journal.records.find((r) => r.kind === 'action' && r.action.type === 'detach-stage' && r.status === 'applied');
    expect(detach).toMatchObject({ action: { stage: 'booster', cause: 'instructor:1' } });
    const gone = journal.records.flatMap((r) => (r.kind === 'cluster' && r.resource === 'nodes' && r.op === 'deleted' ? [[r.name, r.t] as const] : []));
    expect(gone.map(([n]) => n).sort()).toEqual(['b-1', 'b-2']);
    for (const [, t] of gone) expect(t).toBeLessThan(20_000);
    // The profile's own separation at T+20s finds the plane already separated and decides nothing.
    expect(journal.records.filter((r) => r.kind === 'action' && r.action.type === 'detach-stage' && r.status === 'decided')).toHaveLength(1);
  }, 120_000);
});
