import { describe, expect, it } from 'vitest';
import type { JournalHeader, JournalRecord } from '../../../hal/signals/index.ts';
import { LiveClient, type InjectReply, type SocketHandlers, type TimerHandle, type Timers } from '../../../web/live/index.ts';

const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1 };
const rec = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: `m${t}` });

/** Sockets the test drives by hand, and timers it fires by hand. */
function harness(holding?: { header: JournalHeader; held: number; mode: 'live' | 'replay' }) {
  const sockets: { url: string; h: SocketHandlers; sent: string[]; closed: boolean }[] = [];
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  let nextId = 1;
  const fakeTimers: Timers = {
    setTimeout(fn, ms): TimerHandle {
      const t = { fn, ms, id: nextId++ };
      timers.push(t);
      return { id: t.id };
    },
    clearTimeout(handle) {
      const i = timers.findIndex((t) => t.id === handle?.id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const records: JournalRecord[] = [];
  const replies: InjectReply[] = [];
  let resets = 0;
  const client = new LiveClient({
    ...(holding ? { holding } : {}),
    url: 'ws://x/live',
    timers: fakeTimers,
    random: () => 0,
    connect(url, h) {
      const s = { url, h, sent: [] as string[], closed: false };
      sockets.push(s);
      return { send: (text) => s.sent.push(text), close: () => (s.closed = true) };
    },
    onState: () => {},
    onReset: () => {
      resets++;
      records.length = 0;
    },
    onRecords: (from, rs) => records.splice(from, rs.length, ...rs),
    onReply: (r) => replies.push(r),
  });
  const send = (i: number, msg: unknown) => sockets[i]!.h.message(JSON.stringify(msg));
  return { client, sockets, timers, records, replies, send, resets: () => resets };
}

describe('LiveClient', () => {
  it('receives, reconnects with backoff and resumes without duplicates', () => {
    const h = harness();
    h.client.start();
    h.sockets[0]!.h.open();
    h.send(0, { type: 'hello', mode: 'live', role: 'trainee', header, recordCount: 2 });
    h.send(0, { type: 'records', from: 0, records: [rec(0), rec(1)] });
    h.sockets[0]!.h.close();
    expect(h.client.state.connection).toBe('reconnecting');
    expect(h.timers.map((t) => t.ms)).toEqual([250]);
    h.timers.shift()!.fn();
    // the second attempt fails too: the wait grows
    h.sockets[1]!.h.close();
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.timers.shift()!.fn();
    h.sockets[2]!.h.open();
    h.send(2, { type: 'hello', mode: 'live', role: 'trainee', header, recordCount: 4 });
    expect(h.sockets[2]!.sent.map((s) => JSON.parse(s))).toEqual([{ type: 'resume', from: 2 }]);
    h.send(2, { type: 'records', from: 2, records: [rec(2), rec(3)] });
    expect(h.records.map((r) => r.t)).toEqual([0, 1, 2, 3]);
    expect(h.resets()).toBe(1);
  });

  it('ignores a bad frame but reports it', () => {
    const h = harness();
    h.client.start();
    h.sockets[0]!.h.open();
    h.sockets[0]!.h.message('{oops');
    expect(h.client.state.problem).toMatch(/bad message/);
    expect(h.client.state.connection).toBe('open');
  });

  it('injects when open and refuses locally when not', () => {
    const h = harness();
    h.client.start();
    const early = h.client.inject({ type: 'link', link: 's-band', state: 'down' });
    expect(h.replies).toEqual([{ type: 'refused', requestId: early, reason: 'not connected (connecting)' }]);
    h.sockets[0]!.h.open();
    const id = h.client.inject({ type: 'node-fault', node: 'n1', fault: 'crash' });
    expect(JSON.parse(h.sockets[0]!.sent[0]!)).toEqual({ type: 'inject', requestId: id, signal: { type: 'node-fault', node: 'n1', fault: 'crash' } });
    h.send(0, { type: 'injected', requestId: id, signal: { type: 'node-fault', node: 'n1', fault: 'crash', source: 'instructor', t: 5 } });
    expect(h.replies[1]).toMatchObject({ type: 'injected', requestId: id });
  });

  it('stop() closes for good: no retry, and late events of the old socket are ignored', () => {
    const h = harness();
    h.client.start();
    h.sockets[0]!.h.open();
    h.client.stop();
    expect(h.sockets[0]!.closed).toBe(true);
    h.sockets[0]!.h.close();
    expect(h.timers).toEqual([]);
    expect(h.client.state.connection).toBe('closed');
  });

  it('does not reconnect after the run ended', () => {
    const h = harness();
    h.client.start();
    h.sockets[0]!.h.open();
    h.send(0, { type: 'hello', mode: 'replay', role: 'trainee', header, recordCount: 0 });
    h.send(0, { type: 'end', recordCount: 0 });
    h.sockets[0]!.h.close();
    expect(h.timers).toEqual([]);
    expect(h.client.state.connection).toBe('ended');
  });

  it('holding a backlog: the same run asks only for what follows; another run starts afresh', () => {
    const same = harness({ header, held: 3, mode: 'replay' });
    same.client.start();
    same.sockets[0]!.h.open();
    same.send(0, { type: 'hello', mode: 'replay', role: 'trainee', header, recordCount: 5 });
    expect(same.resets()).toBe(0);
    expect(same.sockets[0]!.sent.map((t) => JSON.parse(t))).toEqual([{ type: 'resume', from: 3 }]);
    same.send(0, { type: 'records', from: 3, records: [rec(3), rec(4)] });
    expect(same.client.state).toMatchObject({ held: 5, known: 5 });
    // Only the new records are handed on (the harness's list never held the backlog's three).
    expect(same.records).toEqual([rec(3), rec(4)]);

    const other = harness({ header, held: 3, mode: 'replay' });
    other.client.start();
    other.sockets[0]!.h.open();
    other.send(0, { type: 'hello', mode: 'live', role: 'trainee', header: { ...header, seed: 9 }, recordCount: 1 });
    expect(other.resets()).toBe(1);
    expect(other.client.state).toMatchObject({ held: 0, known: 1 });
  });
});
