import { describe, expect, it } from 'vitest';
import type { JournalHeader, JournalRecord } from '../../../hal/signals/index.ts';
import { INITIAL_LIVE_STATE, behindBy, onClose, onOpen, onServerMessage, type LiveState } from '../../../web/live/index.ts';

const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1, profile: 'p' };
const rec = (t: number): JournalRecord => ({ t, kind: 'log', level: 'info', message: `m${t}` });
const recs = (from: number, n: number) => Array.from({ length: n }, (_, i) => rec(from + i));

function hello(state: LiveState, recordCount = 10, h = header) {
  return onServerMessage(state, { type: 'hello', mode: 'live', role: 'trainee', header: h, recordCount });
}

describe('live state', () => {
  it('first hello resets and knows how far behind it is', () => {
    const step = hello(onOpen(INITIAL_LIVE_STATE));
    expect(step.effects).toEqual([{ kind: 'reset', header }]);
    expect(step.state.connection).toBe('open');
    expect(behindBy(step.state)).toBe(10);
  });

  it('appends contiguous batches and drops overlap', () => {
    let s = hello(onOpen(INITIAL_LIVE_STATE)).state;
    let step = onServerMessage(s, { type: 'records', from: 0, records: recs(0, 4) });
    expect(step.effects).toEqual([{ kind: 'append', from: 0, records: recs(0, 4) }]);
    s = step.state;
    step = onServerMessage(s, { type: 'records', from: 2, records: recs(2, 5) });
    expect(step.effects).toEqual([{ kind: 'append', from: 4, records: recs(4, 3) }]);
    expect(step.state.held).toBe(7);
    expect(behindBy(step.state)).toBe(3);
    // a batch wholly held already changes nothing
    expect(onServerMessage(step.state, { type: 'records', from: 0, records: recs(0, 2) }).effects).toEqual([]);
  });

  it('asks once to resume across a gap', () => {
    let s = onServerMessage(hello(onOpen(INITIAL_LIVE_STATE)).state, { type: 'records', from: 0, records: recs(0, 2) }).state;
    let step = onServerMessage(s, { type: 'records', from: 5, records: recs(5, 1) });
    expect(step.effects).toEqual([{ kind: 'send', message: { type: 'resume', from: 2 } }]);
    s = step.state;
    step = onServerMessage(s, { type: 'records', from: 6, records: recs(6, 1) });
    expect(step.effects).toEqual([]);
    expect(step.state.known).toBe(10);
    step = onServerMessage(step.state, { type: 'records', from: 2, records: recs(2, 3) });
    expect(step.state.held).toBe(5);
    expect(step.state.resumeFrom).toBeUndefined();
  });

  it('after a reconnect to the same run resumes from what it holds', () => {
    let s = onServerMessage(hello(onOpen(INITIAL_LIVE_STATE)).state, { type: 'records', from: 0, records: recs(0, 3) }).state;
    s = onClose(s);
    expect(s.connection).toBe('reconnecting');
    expect(s.attempt).toBe(1);
    s = onOpen(s);
    expect(s.attempt).toBe(0);
    const step = hello(s, 20);
    expect(step.effects).toEqual([{ kind: 'send', message: { type: 'resume', from: 3 } }]);
    expect(step.state.held).toBe(3);
    expect(behindBy(step.state)).toBe(17);
  });

  it('a hello for another run starts over', () => {
    const s = onServerMessage(hello(onOpen(INITIAL_LIVE_STATE)).state, { type: 'records', from: 0, records: recs(0, 3) }).state;
    const other = { ...header, seed: 2 };
    const step = hello(s, 1, other);
    expect(step.effects).toEqual([{ kind: 'reset', header: other }]);
    expect(step.state.held).toBe(0);
  });

  it('end is final: a close after it does not reconnect', () => {
    const s = onServerMessage(hello(onOpen(INITIAL_LIVE_STATE)).state, { type: 'end', recordCount: 12 }).state;
    expect(s.connection).toBe('ended');
    expect(onClose(s).connection).toBe('ended');
    expect(behindBy(s)).toBe(12);
  });

  it('passes injection replies through', () => {
    const reply = { type: 'refused', requestId: 'r1', reason: 'no token' } as const;
    expect(onServerMessage(INITIAL_LIVE_STATE, reply).effects).toEqual([{ kind: 'reply', reply }]);
  });
});
