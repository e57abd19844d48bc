import { describe, expect, it } from 'vitest';
import { ActiveAlarms, nodeSummary, stateMessages, type NodeLike } from '../../../../hal/sources/mqtt/index.ts';
import type { AlarmAction } from '../../../../hal/signals/index.ts';

const node = (name: string, more: Partial<NodeLike> = {}): NodeLike => ({
  name, labels: { 'kis.dev/stage': 'booster', 'kis.dev/power-bus': 's1' }, annotations: {}, ready: 'True', ...more,
});
const alarm = (kind: string, subject: string, state: 'raised' | 'cleared' = 'raised'): AlarmAction => ({ type: 'alarm', alarm: kind, subject, state, message: `${kind} ${subject}` });

describe('nodeSummary', () => {
  it.each<[string, Partial<NodeLike>, object]>([
    ['a plain ready node', {}, { ready: 'True', power: 'on', attached: true, cordoned: false, stage: 'booster', bus: 's1' }],
    ['powered off', { annotations: { 'sim.kis.dev/power': 'off' } }, { power: 'off' }],
    ['detached', { annotations: { 'sim.kis.dev/attached': 'false' } }, { attached: false }],
    ['cordoned, no Ready condition', { unschedulable: true, ready: undefined }, { cordoned: true, ready: 'Unknown' }],
    ['unlabelled', { labels: {} }, { stage: null, bus: null }],
  ])('%s', (_what, more, want) => {
    expect(nodeSummary(node('n1', more))).toMatchObject(want);
  });
});

describe('stateMessages', () => {
  it('lays out the state tree of docs/mqtt-topics.md', () => {
    const m = stateMessages({
      armed: false, dryRun: true, queueDepth: 2,
      sources: [{ name: 'serial:/dev/x', connected: false, error: 'gone', counters: { good: 5 } }, { name: 'mqtt:embedded', connected: true, counters: {} }],
      nodes: [node('n1'), node('bad/name')],
      alarms: [alarm('box-fault', 'box0')],
    });
    expect(Object.fromEntries(m)).toEqual({
      online: true,
      arm: { armed: false, mode: 'SAFE', dryRun: true },
      queue: { depth: 2 },
      sources: [{ name: 'serial:/dev/x', connected: false, error: 'gone' }, { name: 'mqtt:embedded', connected: true }],
      alarms: [{ alarm: 'box-fault', subject: 'box0', message: 'box-fault box0' }],
      'nodes/n1': { ready: 'True', power: 'on', attached: true, cordoned: false, stage: 'booster', bus: 's1' },
    });
  });

  it('publishes no node topics while nobody observes the cluster', () => {
    const m = stateMessages({ armed: true, dryRun: false, queueDepth: 0, sources: [], alarms: [] });
    expect([...m.keys()].filter((k) => k.startsWith('nodes/'))).toEqual([]);
  });
});

describe('ActiveAlarms', () => {
  it.each<[string, AlarmAction[], string[]]>([
    ['a raise stays', [alarm('a', 'x')], ['a x']],
    ['a clear removes its raise only', [alarm('a', 'x'), alarm('a', 'y'), alarm('a', 'x', 'cleared')], ['a y']],
    ['a repeated raise is listed once, last', [alarm('a', 'x'), alarm('b', 'y'), alarm('a', 'x')], ['b y', 'a x']],
    ['a clear of nothing changes nothing', [alarm('a', 'x', 'cleared')], []],
  ])('%s', (_what, seq, want) => {
    const a = new ActiveAlarms();
    seq.forEach((x) => a.apply(x));
    expect(a.list().map((x) => `${x.alarm} ${x.subject}`)).toEqual(want);
  });

  it('is bounded: the oldest raise goes first', () => {
    const a = new ActiveAlarms(3);
    for (let i = 0; i < 5; i++) a.apply(alarm('bad-payload', `t${i}`));
    expect(a.list().map((x) => x.subject)).toEqual(['t2', 't3', 't4']);
  });
});
