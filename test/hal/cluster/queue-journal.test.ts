// The queue journal as a write-ahead log with group commit: lines are written at once (a killed
// process loses none), one fsync covers a burst, and an action's line is on disk before the action is
// done (it may be applied while its fsync runs; nothing after it starts before that fsync ends).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RealClock } from '../../../sim/core/index.ts';
import { ActionQueue, ClusterError, QueueJournal, QueueJournalError, TRACE_APPLYING, TRACE_DONE, TRACE_IDLE, TRACE_SYNCED, TRACE_SYNCING, type ExecResult, type IdleTrace, type QueueTrace } from '../../../hal/cluster/index.ts';
import type { Action } from '../../../hal/signals/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-wal-'));
let n = 0;
const fresh = () => join(dir, `j${++n}.ndjson`);
const act = (i: number): Action => ({ type: 'annotate-node', target: { by: 'node', name: 'x' }, annotations: { 'x.test/i': String(i) } });
const ok: ExecResult = { status: 'applied', detail: '', steps: [], alarms: [] };

describe('QueueJournal group commit', () => {
  it('flush() fsyncs off the event loop; lines written meanwhile wait for the next one; close() waits for it', async () => {
    const { journal } = QueueJournal.open(fresh(), () => 'e');
    const a = journal.enqueue(act(1), 0);
    const first = journal.flush();
    const b = journal.enqueue(act(2), 0); // written while the first fsync runs
    const second = journal.flush();
    expect(journal.durable(a.id)).toBe(false); // nothing is durable before its fsync resolves
    await first;
    expect([journal.durable(a.id), journal.durable(b.id)]).toEqual([true, false]);
    await second;
    expect([journal.durable(b.id), journal.syncs]).toEqual([true, 2]);
    await journal.flush(); // nothing new: no fsync
    expect(journal.syncs).toBe(2);
    journal.done(a.id, 'applied');
    const third = journal.flush();
    await journal.close();
    await third;
    expect(journal.syncs).toBe(3);
  });

  it('writes each line at once but fsyncs a burst once', async () => {
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
    await journal.close();
    expect(journal.syncs).toBe(2); // close flushes the done-marker
  });

  it('done-markers: durable once an fsync that started after them ends; flushDones() reuses the fsync in flight that carries them', async () => {
    const { journal } = QueueJournal.open(fresh(), () => 'e');
    const a = journal.enqueue(act(1), 0);
    expect(journal.donesDurable()).toBe(true); // none written
    journal.done(a.id, 'applied');
    expect(journal.donesDurable()).toBe(false);
    const carrying = journal.flush();
    expect(journal.flushDones()).toBe(carrying);
    await carrying;
    expect(journal.donesDurable()).toBe(true);
    journal.done(journal.enqueue(act(2), 0).id, 'applied');
    await journal.flushDones();
    expect([journal.donesDurable(), journal.syncs]).toEqual([true, 2]);
    await journal.close();
  });

  // A power cut without a finished fsync may keep any of the written lines and lose others. The queue
  // finishes actions in id order, so a later done-marker on disk proves the earlier ones finished.
  it.each([
    ['an earlier done-marker lost, a later one kept', [1, 2, 3], [2], [3]],
    ['every marker lost', [1, 2, 3], [], [1, 2, 3]],
    ['the last marker kept', [1, 2, 3], [3], []],
  ])('reopen after a power cut: %s', (_what, enqueued, doneIds, owed) => {
    const path = fresh();
    const lines = [
      JSON.stringify({ op: 'header', epoch: 'e', next: 1 }),
      ...enqueued.map((id) => JSON.stringify({ op: 'enqueue', id, at: 0, action: act(id) })),
      ...doneIds.map((id) => JSON.stringify({ op: 'done', id, status: 'applied' })),
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
    expect(QueueJournal.open(path, () => 'x').pending.map((p) => p.id)).toEqual(owed);
  });

  // A killed process never runs close() or sync(): what write(2) took is still in the file.
  it('enqueueAll: one decision in one write, ids in order; a bad action refuses the whole batch and writes nothing', async () => {
    const path = fresh();
    const { journal } = QueueJournal.open(path, () => 'e');
    const bad = { type: 'annotate-node', target: { by: 'node', name: 'x' } } as unknown as Action;
    expect(() => journal.enqueueAll([act(1), bad], 0)).toThrow(QueueJournalError);
    const batch = journal.enqueueAll([act(1), act(2)], 0);
    const after = journal.enqueue(act(3), 0);
    expect([...batch, after].map((q) => q.id)).toEqual([1, 2, 3]);
    const { pending } = QueueJournal.open(path, () => 'other'); // as a killed HAL would find it: no sync, no close
    expect(pending.map((q) => [q.id, (q.action as { annotations: Record<string, string> }).annotations['x.test/i']])).toEqual([[1, '1'], [2, '2'], [3, '3']]);
  });

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
          else if (owed.length > 0) journal.done(owed.shift()!, 'applied'); // in order, as the queue finishes them
        }
        const { pending } = QueueJournal.open(path, () => 'other');
        expect(pending.map((p) => p.id)).toEqual(owed);
      }),
      { numRuns: 60 },
    );
  });
});

describe('ActionQueue write-ahead', () => {
  const CHANNELS = [TRACE_SYNCING, TRACE_SYNCED, TRACE_APPLYING, TRACE_DONE] as const;
  const WORD = { [TRACE_SYNCING]: 'sync', [TRACE_SYNCED]: 'synced', [TRACE_APPLYING]: 'apply', [TRACE_DONE]: 'done' };

  it('a burst shares one fsync, which overlaps the first apply; nothing is done, nor applied after it, before that fsync ends', async () => {
    const path = fresh();
    const order: string[] = [];
    const handlers = CHANNELS.map((ch) => [ch, (m: unknown) => order.push(`${WORD[ch]} ${(m as QueueTrace).id}`)] as const);
    for (const [ch, fn] of handlers) subscribe(ch, fn);
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
      for (const [ch, fn] of handlers) unsubscribe(ch, fn);
    }
    expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(order).toEqual([
      'sync 1', 'apply 1', 'synced 1', 'done 1', 'apply 2', 'done 2', 'apply 3', 'done 3', 'apply 4', 'done 4', 'apply 5', 'done 5',
      'sync 6', 'apply 6', 'synced 6', 'done 6', 'apply 7', 'done 7',
    ]);
    // Two bursts + an idle flush after each (+ none at close: nothing left unsynced) — not 7 enqueues + 7 dones.
    expect(q.syncs).toBeLessThanOrEqual(4);
  });

  // The replay-order rule: an action's effect may precede its own line's fsync only when no earlier
  // finished action could be replayed after it (every done-marker before it durable).
  it('an action runs before its line is durable only when every earlier done-marker is (bursts, idle gaps, slow applies)', async () => {
    const clock = new RealClock();
    let journal!: QueueJournal;
    const violations: number[] = [];
    const onApply = (m: unknown) => {
      const id = (m as QueueTrace).id;
      if (!journal.durable(id) && !journal.donesDurable()) violations.push(id);
    };
    subscribe(TRACE_APPLYING, onApply);
    const q = new ActionQueue({ path: fresh(), clock, executor: { apply: async (_a, key) => (Number(key.split('-')[1]) % 3 === 0 ? clock.sleep(2).then(() => ok) : ok) } });
    journal = (q as unknown as { journal: QueueJournal }).journal; // the queue's own, to read its durability at each apply
    try {
      q.start();
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i <= round % 4; i++) q.enqueue(act(round * 10 + i));
        if (round % 3 === 0) await q.idle();
        else await new Promise((r) => setImmediate(r));
      }
      await q.idle();
      await q.stop();
    } finally {
      unsubscribe(TRACE_APPLYING, onApply);
    }
    expect(violations).toEqual([]);
  });

  it('announces idle (TRACE_IDLE) once nothing is owed and the done-markers are on disk', async () => {
    const q = new ActionQueue({ path: fresh(), clock: new RealClock(), executor: { apply: async () => ok } });
    const idle = new Promise<IdleTrace>((resolve) => {
      const on = (m: unknown) => {
        unsubscribe(TRACE_IDLE, on);
        resolve(m as IdleTrace);
      };
      subscribe(TRACE_IDLE, on);
    });
    q.start();
    q.enqueue(act(1));
    const seen = await idle;
    expect([q.depth, seen.syncs, q.syncs]).toEqual([0, 2, 2]); // the action's line, then its done-marker
    await q.stop();
  });

  it('a head the API refuses is fsynced once: its retry starts after that fsync and asks for no other', async () => {
    const path = fresh();
    const order: string[] = [];
    const handlers = CHANNELS.map((ch) => [ch, (m: unknown) => order.push(`${WORD[ch]} ${(m as QueueTrace).id}`)] as const);
    for (const [ch, fn] of handlers) subscribe(ch, fn);
    const clock = new RealClock();
    let calls = 0;
    const q = new ActionQueue({
      path, clock, backoff: { initialMs: 1, maxMs: 1 },
      executor: {
        apply: async () => {
          await clock.sleep(20);
          if (++calls === 1) throw new ClusterError(503, 'ServiceUnavailable', 'quorum lost');
          return ok;
        },
      },
    });
    try {
      q.start();
      q.enqueue(act(1));
      await q.idle();
      await q.stop();
    } finally {
      for (const [ch, fn] of handlers) unsubscribe(ch, fn);
    }
    expect(order).toEqual(['sync 1', 'apply 1', 'synced 1', 'apply 1', 'done 1']);
  });
});

describe('a queue no one resumes (durable: false, kis run)', () => {
  it('writes every line in order but never fsyncs; reopened, it owes what was not done', async () => {
    const path = fresh();
    const { journal } = QueueJournal.open(path, () => 'e', false);
    const [a, b] = journal.enqueueAll([act(1), act(2)], 0);
    await journal.flush();
    expect([journal.durable(a!.id), journal.durable(b!.id)]).toEqual([true, true]);
    journal.done(a!.id, 'applied');
    expect(journal.donesDurable()).toBe(false);
    await journal.flushDones();
    expect(journal.donesDurable()).toBe(true);
    expect(journal.syncs).toBe(0);
    // As a killed run would leave it: no close.
    expect(QueueJournal.open(path, () => 'other').pending.map((p) => p.id)).toEqual([b!.id]);
  });

  it('applies its actions in order with no fsync at all', async () => {
    const applied: number[] = [];
    const q = new ActionQueue({ path: fresh(), clock: new RealClock(), durable: false, executor: { apply: async (a) => (applied.push(Number(Object.values((a as { annotations: Record<string, string> }).annotations)[0])), ok) } });
    q.start();
    for (let i = 1; i <= 5; i++) q.enqueue(act(i));
    await q.idle();
    await q.stop();
    expect(applied).toEqual([1, 2, 3, 4, 5]);
    expect(q.syncs).toBe(0);
  });
});
