// The action queue's file: an append-only NDJSON write-ahead log with group commit. Every line is
// written (write(2)) before enqueue/done return — in the kernel's page cache, so a killed HAL
// (SIGKILL) loses nothing it accepted — and flush() fsyncs everything written so far in one call on
// libuv's thread pool, which the queue starts when it picks up an action whose line is not yet on
// disk and awaits before it marks that action done (against power loss; see action-queue.ts for why
// the API write may overlap the fsync). Done-markers ride along with the next flush: one lost to a
// power cut means an idempotent action is applied once more, never that one is lost. Lines: a header
// (epoch, next id), "enqueue" with the action, "done" with how it ended. A torn last line is dropped on open.
// upstream idea: etcd's WAL batches its fsyncs the same way (one fdatasync per raft Ready, not per entry).
import { closeSync, existsSync, fsync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkAction, type Action } from '../signals/index.ts';

export interface QueuedAction {
  /** Unique within the journal, increasing in enqueue order. */
  readonly id: number;
  /** `<epoch>-<id>`: unique across journals, names the action's Events so a replay posts none twice. */
  readonly key: string;
  readonly action: Action;
  /** Clock ms at enqueue. */
  readonly at: number;
}

type Line =
  | { op: 'header'; epoch: string; next: number }
  | { op: 'enqueue'; id: number; at: number; action: Action }
  | { op: 'done'; id: number; status: string; detail?: string };

export class QueueJournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueJournalError';
  }
}

export class QueueJournal {
  readonly path: string;
  readonly epoch: string;
  private fd: number;
  private next: number;
  /** Ids up to this one have their enqueue line fsynced. */
  private syncedThrough: number;
  private dirty = false;
  /** The fsync on the thread pool, if one runs: the next one chains behind it, close() waits for it. */
  private inflight: Promise<void> | undefined;
  /** Done-markers written so far, and how many of them the fsync in flight will have put on disk. */
  private doneSeq = 0;
  private inflightDoneSeq = 0;
  /** Done-markers known to be on disk (counted in write order). */
  private doneDurableSeq = 0;
  /** fsyncs done, for tests and the benchmark (group commit makes it far fewer than lines). */
  syncs = 0;

  private constructor(
    path: string,
    fd: number,
    epoch: string,
    next: number,
    /** False: lines are written (a killed process loses nothing the OS holds) but never fsynced. */
    private readonly durableWrites: boolean,
  ) {
    this.path = path;
    this.fd = fd;
    this.epoch = epoch;
    this.next = next;
    this.syncedThrough = next - 1;
  }

  /**
   * Opens (or creates) the journal, returns the unfinished actions in order, and compacts the file to them.
   * `durable: false` skips every fsync, for a queue no one resumes (a `kis run`'s: each run starts afresh in a
   * new directory); the lines are still written, in the same order, for whoever reads them.
   */
  static open(path: string, newEpoch: () => string, durable = true): { journal: QueueJournal; pending: QueuedAction[] } {
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const lines = text.split('\n');
    // Everything after the last newline is a torn write from a killed process: never fsynced, never acknowledged.
    lines.pop();
    let epoch: string | undefined;
    let next = 1;
    const enqueued = new Map<number, QueuedAction>();
    let lastDone = 0;
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      const line = parseLine(raw, `${path}:${i + 1}`);
      if (line.op === 'header') {
        epoch = line.epoch;
        next = Math.max(next, line.next);
      } else if (line.op === 'enqueue') {
        enqueued.set(line.id, { id: line.id, key: '', action: line.action, at: line.at });
        next = Math.max(next, line.id + 1);
      } else {
        enqueued.delete(line.id);
        lastDone = Math.max(lastDone, line.id);
      }
    });
    // The queue finishes actions strictly in id order, so a done-marker on disk means every earlier
    // action finished too, even when a power cut kept its own marker off the disk: never re-apply those
    // (one re-applied after a later action's effect would undo it — say a taint after its untaint).
    for (const id of enqueued.keys()) if (id < lastDone) enqueued.delete(id);
    const ep = epoch ?? newEpoch();
    const pending = [...enqueued.values()].sort((a, b) => a.id - b.id).map((q) => ({ ...q, key: `${ep}-${q.id}` }));
    // Compact: rewrite only what is still owed, atomically (temp file, fsync, rename, fsync dir).
    const tmp = `${path}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, `${JSON.stringify({ op: 'header', epoch: ep, next })}\n`);
    for (const q of pending) writeSync(fd, `${JSON.stringify({ op: 'enqueue', id: q.id, at: q.at, action: q.action })}\n`);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
    if (durable) syncDir(dirname(path));
    const afd = openSync(path, 'a');
    return { journal: new QueueJournal(path, afd, ep, next, durable), pending };
  }

  /** Written (safe from a killed process) when it returns; on disk after the next sync(). */
  enqueue(action: Action, at: number): QueuedAction {
    return this.enqueueAll([action], at)[0]!;
  }

  /** As enqueue, in one write(2): every action is checked before any line is written. */
  enqueueAll(actions: readonly Action[], at: number): QueuedAction[] {
    for (const action of actions) {
      const problem = checkAction(action);
      if (problem !== undefined) throw new QueueJournalError(`refusing to queue an invalid action: ${problem}`);
    }
    const first = this.next;
    this.appendAll(actions.map((action, i) => ({ op: 'enqueue', id: first + i, at, action })));
    this.next += actions.length;
    return actions.map((action, i) => ({ id: first + i, key: `${this.epoch}-${first + i}`, action, at }));
  }

  /** Marks `id` finished. Call in id order (the queue finishes its head first): open() relies on it. */
  done(id: number, status: string, detail?: string): void {
    this.append({ op: 'done', id, status, ...(detail === undefined ? {} : { detail }) });
    this.doneSeq++;
  }

  /** True when every done-marker written is fsynced: no finished action could be re-applied after a power cut. */
  donesDurable(): boolean {
    return this.doneDurableSeq === this.doneSeq;
  }

  /** Resolves when every done-marker written so far is on disk: the fsync in flight if it carries them all, else a new one. */
  flushDones(): Promise<void> {
    if (this.donesDurable()) return Promise.resolve();
    if (this.inflight && this.inflightDoneSeq === this.doneSeq) return this.inflight;
    return this.flush();
  }

  /** True when the enqueue line of `id` is already fsynced. */
  durable(id: number): boolean {
    return id <= this.syncedThrough;
  }

  /** One fsync for every line written since the last (the group commit), blocking the event loop. */
  sync(): void {
    if (!this.dirty || this.fd < 0) return;
    if (this.inflight) throw new QueueJournalError(`${this.path}: sync() while flush() runs; await flush() instead`);
    if (this.durableWrites) {
      fsyncSync(this.fd);
      this.syncs++;
    }
    this.dirty = false;
    this.syncedThrough = this.next - 1;
    this.doneDurableSeq = this.doneSeq;
  }

  /**
   * The same group commit on libuv's thread pool, so the event loop (the serial reader, the API
   * request) runs while the disk works. Lines written while it runs wait for the next flush; a flush
   * asked for while one runs starts after it (one fsync at a time, each covering all written before it).
   */
  flush(): Promise<void> {
    if (!this.dirty || this.fd < 0) return this.inflight ?? Promise.resolve();
    if (!this.durableWrites) {
      this.sync();
      return Promise.resolve();
    }
    this.dirty = false;
    const through = this.next - 1;
    const dones = (this.inflightDoneSeq = this.doneSeq);
    const fd = this.fd;
    const run = (): Promise<void> =>
      new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve()))).then(
        () => {
          this.syncs++;
          this.syncedThrough = Math.max(this.syncedThrough, through);
          this.doneDurableSeq = Math.max(this.doneDurableSeq, dones);
        },
        (err: unknown) => {
          this.dirty = true; // still owed: the next flush tries again
          throw err;
        },
      );
    // Chained after the one in flight even when that one failed: each flush reports its own fsync.
    const p = (this.inflight ? this.inflight.then(run, run) : run()).finally(() => {
      if (this.inflight === p) this.inflight = undefined;
    });
    this.inflight = p;
    return p;
  }

  /** Flushes what is still only written (done-markers, unapplied enqueues), then closes. */
  async close(): Promise<void> {
    if (this.fd < 0) return;
    await this.inflight?.catch(() => undefined);
    if (this.fd < 0) return;
    this.sync();
    closeSync(this.fd);
    this.fd = -1;
  }

  private append(line: Line): void {
    this.appendAll([line]);
  }

  private appendAll(lines: readonly Line[]): void {
    if (this.fd < 0) throw new QueueJournalError(`${this.path}: the queue journal is closed`);
    let text = '';
    for (const line of lines) text += `${JSON.stringify(line)}\n`;
    writeSync(this.fd, text);
    this.dirty = true;
  }
}

function parseLine(raw: string, where: string): Line {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw new QueueJournalError(`${where}: not JSON; the queue journal is corrupt (move it aside to start empty)`);
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (o.op === 'header' && typeof o.epoch === 'string' && typeof o.next === 'number') return o as Line;
  if (o.op === 'done' && typeof o.id === 'number') return o as Line;
  if (o.op === 'enqueue' && typeof o.id === 'number' && typeof o.at === 'number') {
    const problem = checkAction(o.action);
    if (problem === undefined) return o as Line;
    throw new QueueJournalError(`${where}: ${problem}`);
  }
  throw new QueueJournalError(`${where}: not a queue journal line: ${raw.slice(0, 80)}`);
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  }
}

