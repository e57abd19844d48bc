// A slow client never blocks the run: the hub holds one batch in flight per client and appends regardless;
// the client catches up from its own cursor when its socket drains.
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import type { JournalRecord, LiveServerMessage } from '../../hal/signals/index.ts';
import { LiveHub } from '../../sim/serve/index.ts';

/** A socket whose writes complete only when the test says so. */
class StalledSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly sent: LiveServerMessage[] = [];
  private readonly pending: ((err?: Error) => void)[] = [];
  send(data: string, cb?: (err?: Error) => void): void {
    this.sent.push(JSON.parse(data) as LiveServerMessage);
    if (cb) this.pending.push(cb);
  }
  /** Completes the writes in flight (each may start the next batch). */
  drain(): void {
    for (const cb of this.pending.splice(0)) cb();
  }
  close(): void {
    this.readyState = 3;
    this.emit('close');
  }
}

const log = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: 'x' });

describe('LiveHub back-pressure', () => {
  it('keeps appending while a client is stalled, one batch in flight, and delivers everything once it drains', () => {
    const hub = new LiveHub('live', { batchRecords: 100 });
    hub.header({ kind: 'header', format: 'kis-journal', version: 1 });
    const slow = new StalledSocket();
    const fast = new StalledSocket();
    hub.attach(slow as unknown as WebSocket, 'trainee');
    hub.attach(fast as unknown as WebSocket, 'trainee');
    for (let i = 0; i < 10_000; i++) {
      hub.record(log(i), i);
      fast.drain();
    }
    hub.end(10_000);
    fast.drain();
    const batches = (s: StalledSocket) => s.sent.filter((m) => m.type === 'records');
    expect(batches(slow)).toHaveLength(1);
    expect(batches(fast).reduce((n, m) => n + (m.type === 'records' ? m.records.length : 0), 0)).toBe(10_000);
    expect(fast.sent.at(-1)).toEqual({ type: 'end', recordCount: 10_000 });
    for (let i = 0; i < 200 && slow.sent.at(-1)?.type !== 'end'; i++) slow.drain();
    const got = batches(slow).flatMap((m) => (m.type === 'records' ? m.records.map((_, j) => m.from + j) : []));
    expect(got).toEqual([...Array(10_000).keys()]);
    expect(slow.sent.at(-1)).toEqual({ type: 'end', recordCount: 10_000 });
  });

  it('rejects records out of order (a wrong caller is loud)', () => {
    const hub = new LiveHub('live');
    expect(() => hub.record(log(0), 1)).toThrow(/record 1 arrived when 0 was expected/);
  });
});
