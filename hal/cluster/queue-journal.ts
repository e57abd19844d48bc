// The action queue's file: append-only NDJSON, each line fsynced before enqueue returns, so a
// killed HAL loses nothing it accepted. Lines: a header (epoch, next id), "enqueue" with the
// action, "done" with how it ended. A torn last line (killed mid-write) is dropped on open.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
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

  private constructor(path: string, fd: number, epoch: string, next: number) {
    this.path = path;
    this.fd = fd;
    this.epoch = epoch;
    this.next = next;
  }

  /** Opens (or creates) the journal, returns the unfinished actions in order, and compacts the file to them. */
  static open(path: string, newEpoch: () => string): { journal: QueueJournal; pending: QueuedAction[] } {
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const lines = text.split('\n');
    // Everything after the last newline is a torn write from a killed process: never fsynced, never acknowledged.
    lines.pop();
    let epoch: string | undefined;
    let next = 1;
    const enqueued = new Map<number, QueuedAction>();
    lines.forEach((raw, i) => {
      if (raw.trim() === '') return;
      const line = parseLine(raw, `${path}:${i + 1}`);
      if (line.op === 'header') {
        epoch = line.epoch;
        next = Math.max(next, line.next);
      } else if (line.op === 'enqueue') {
        enqueued.set(line.id, { id: line.id, key: '', action: line.action, at: line.at });
        next = Math.max(next, line.id + 1);
      } else enqueued.delete(line.id);
    });
    const ep = epoch ?? newEpoch();
    const pending = [...enqueued.values()].sort((a, b) => a.id - b.id).map((q) => ({ ...q, key: `${ep}-${q.id}` }));
    // Compact: rewrite only what is still owed, atomically (temp file, fsync, rename, fsync dir).
    const tmp = `${path}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, `${JSON.stringify({ op: 'header', epoch: ep, next })}\n`);
    for (const q of pending) writeSync(fd, `${JSON.stringify({ op: 'enqueue', id: q.id, at: q.at, action: q.action })}\n`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
    syncDir(dirname(path));
    const afd = openSync(path, 'a');
    return { journal: new QueueJournal(path, afd, ep, next), pending };
  }

  enqueue(action: Action, at: number): QueuedAction {
    const problem = checkAction(action);
    if (problem !== undefined) throw new QueueJournalError(`refusing to queue an invalid action: ${problem}`);
    const id = this.next++;
    this.append({ op: 'enqueue', id, at, action });
    return { id, key: `${this.epoch}-${id}`, action, at };
  }

  done(id: number, status: string, detail?: string): void {
    this.append({ op: 'done', id, status, ...(detail === undefined ? {} : { detail }) });
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private append(line: Line): void {
    if (this.fd < 0) throw new QueueJournalError(`${this.path}: the queue journal is closed`);
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fsyncSync(this.fd);
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

