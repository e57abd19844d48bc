// The queue journal as a write-ahead log with group commit: lines are written at once (a killed
// process loses none), one fsync covers a burst, and an action is on disk before it is applied.
import { mkdtempSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RealClock } from '../../../sim/core/index.ts';
import { ActionQueue, QueueJournal, TRACE_APPLYING, TRACE_SYNCING, type ExecResult, type QueueTrace } from '../../../hal/cluster/index.ts';
import type { Action } from '../../../hal/signals/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-wal-'));
let n = 0;
const fresh = () => join(dir, `j${++n}.ndjson`);
const act = (i: number): Action => ({ type: 'annotate-node', target: { by: 'node', name: 'x' }, annotations: { 'x.test/i': String(i) } });
const ok: ExecResult = { status: 'applied', detail: '', steps: [], alarms: [] };

describe('QueueJournal group commit', () => {
  it('writes each line at once but fsyncs a burst once', () => {
    const { journal } = QueueJournal.open(fresh(), () => 'e');
    const a = journal.enqueue(act(1), 0);
    const b = journal.enqueue(act(2), 0);
    expect([journal.durable(a.id), journal.durable(b.id)]).toEqual([false, false]);
    journal.sync();
    expect([journal.durable(a.id), journal.durable(b.id), journal.syncs]).toEqual([true, true, 1]);
    journal.sync(); // nothing new written: no fsync
    expect(journal.syncs).toBe(1);
    journal.done(a.id, 'applied'); // a done-marker alone makes the file dirty, not the action owed
    expect(journal.durable(b.id)).toBe(true);
    journal.close();
    expect(journal.syncs).toBe(2); // close flushes the done-marker
  });

  // A killed process never runs close() or sync(): what write(2) took is still in the file.
  it('a killed process (no sync, no close) loses no line: reopen owes exactly the undone actions, in order', () => {
    const op = fc.oneof(fc.constant<'enqueue'>('enqueue'), fc.constant<'sync'>('sync'), fc.nat({ max: 30 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const path = fresh();
        const { journal } = QueueJournal.open(path, () => 'e');
        const owed: number[] = [];
        let i = 0;
        for (const o of ops) {
          if (o === 'enqueue') owed.push(journal.enqueue(act(++i), 0).id);
          else if (o === 'sync') journal.sync();
          else if (owed.length > 0) journal.done(owed.splice(o % owed.length, 1)[0]!, 'applied');
        }
        const { pending } = QueueJournal.open(path, () => 'other');
        expect(pending.map((p) => p.id)).toEqual(owed);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ActionQueue write-ahead', () => {
  it('a burst queued in one tick shares one fsync, and every action is on disk before it is applied', async () => {
    const path = fresh();
    const order: string[] = [];
    const onSync = (m: unknown) => order.push(`sync ${(m as QueueTrace).id}`);
    const onApply = (m: unknown) => order.push(`apply ${(m as QueueTrace).id}`);
    subscribe(TRACE_SYNCING, onSync);
    subscribe(TRACE_APPLYING, onApply);
    const applied: number[] = [];
    const q = new ActionQueue({
      path, clock: new RealClock(),
      executor: { apply: async (a) => { applied.push(Number((a as { annotations: Record<string, string> }).annotations['x.test/i'])); return ok; } },
    });
    try {
      q.start();
      for (let i = 1; i <= 5; i++) q.enqueue(act(i));
      await q.idle();
      for (let i = 6; i <= 7; i++) q.enqueue(act(i));
      await q.idle();
      await q.stop();
    } finally {
      unsubscribe(TRACE_SYNCING, onSync);
      unsubscribe(TRACE_APPLYING, onApply);
    }
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(order).toEqual(['sync 1', 'apply 1', 'apply 2', 'apply 3', 'apply 4', 'apply 5', 'sync 6', 'apply 6', 'apply 7']);
    // Two bursts + an idle flush after each (+ none at close: nothing left unsynced) — not 7 enqueues + 7 dones.
    expect(q.syncs).toBeLessThanOrEqual(4);
  });
});
