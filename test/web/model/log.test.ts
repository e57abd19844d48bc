import { describe, expect, it } from 'vitest';
import { createJournalModel } from '../../../web/model/index.ts';
import type { JournalRecord, LogEntry } from '../../../web/model/index.ts';
import { action, event, header, node, pod, sig } from './journal-fixture.ts';

const one = (r: JournalRecord, before: JournalRecord[] = []): Omit<LogEntry, 'index' | 't'> | undefined => {
  const m = createJournalModel(header(), [...before, r]);
  const e = m.log().find((x) => x.index === before.length);
  if (!e) return undefined;
  const { index: _i, t: _t, ...rest } = e;
  return rest;
};

describe('log lines', () => {
  it.each<[string, JournalRecord, Omit<LogEntry, 'index' | 't'> | undefined]>([
    ['a separation signal', sig(0, { type: 'separation', plane: 's1-s2', stage: 'stage1', state: 'separated', source: 'instructor' }), { category: 'signal', severity: 'info', text: 'separation s1-s2 separated (stage stage1) (instructor)' }],
    ['a power reading', sig(0, { type: 'power', bus: 's1-bus', millivolts: 23456 }), { category: 'signal', severity: 'info', text: 'power s1-bus 23.46 V (profile)' }],
    ['a bus lost', sig(0, { type: 'power-state', bus: 's1-bus', state: 'lost' }), { category: 'signal', severity: 'warn', text: 'power s1-bus lost (profile)' }],
    ['a link with latency', sig(0, { type: 'link', link: 's-band', state: 'up', latencyMs: 30 }), { category: 'signal', severity: 'info', text: 'link s-band up (30 ms) (profile)' }],
    ['a flight phase', sig(0, { type: 'custom', name: 'flight-phase', data: { phase: 'max-q' } }), { category: 'signal', severity: 'info', text: 'phase max-q (profile)' }],
    ['a node fault', sig(0, { type: 'node-fault', node: 'a1', fault: 'crash' }), { category: 'signal', severity: 'warn', text: 'node a1 fault crash (profile)', subject: { kind: 'node', key: 'a1' } }],
    ['an action decided (compact)', action(0, { type: 'detach-stage', stage: 'stage1' }, 'decided', 'ignored'), { category: 'action', severity: 'info', text: 'decided detach-stage stage1' }],
    ['an action applied', action(0, { type: 'brownout-taint', target: { by: 'power-bus', name: 's1-bus' } }, 'applied', 'brownout-taint on a1, a2'), { category: 'action', severity: 'info', text: 'applied brownout-taint power-bus s1-bus: brownout-taint on a1, a2' }],
    ['an action refused', action(0, { type: 'power-off', target: { by: 'node', name: 'a1' } }, 'refused', 'HAL is safe'), { category: 'action', severity: 'warn', text: 'refused power-off a1: HAL is safe' }],
    ['a Warning event on a node', event(0, 'Warning', 'StageSeparated', 'Node', 'a1'), { category: 'event', severity: 'warn', text: 'StageSeparated Node/a1: StageSeparated happened', subject: { kind: 'node', key: 'a1' } }],
    ['a Normal event on a pod', event(0, 'Normal', 'Scheduled', 'Pod', 'p1'), { category: 'event', severity: 'info', text: 'Scheduled Pod/p1: Scheduled happened', subject: { kind: 'pod', key: 'ns/p1' } }],
    ['a verdict', { t: 0, kind: 'expect', name: 'gnc-up', status: 'fail', message: 'only 1 ready' }, { category: 'expect', severity: 'warn', text: 'expectation gnc-up fail: only 1 ready' }],
    ['an error log', { t: 0, kind: 'log', level: 'error', message: 'boom', module: 'hal' }, { category: 'log', severity: 'warn', text: '[hal] error: boom' }],
    ['a node added', node(0, 'a1'), { category: 'cluster', severity: 'info', text: 'node a1 added (Ready True)', subject: { kind: 'node', key: 'a1' } }],
    ['telemetry (no line)', { t: 0, kind: 'telemetry', channel: 'vehicle', values: { altitudeM: 1 } }, undefined],
  ])('%s', (_what, record, line) => {
    expect(one(record)).toEqual(line);
  });

  it.each<[string, JournalRecord, string | undefined, 'info' | 'warn']>([
    ['Ready goes False', node(1, 'a1', 'modified', { ready: 'False' }), 'node a1: Ready True → False', 'warn'],
    ['a condition and a cordon', node(1, 'a1', 'modified', { conditions: { MemoryPressure: 'True' }, unschedulable: true }), 'node a1: MemoryPressure - → True, cordoned', 'info'],
    ['a taint', node(1, 'a1', 'modified', { taints: ['kis.dev/power:NoSchedule'] }), 'node a1: +taint kis.dev/power:NoSchedule', 'info'],
    ['deleted', node(1, 'a1', 'deleted'), 'node a1 deleted', 'info'],
    ['no visible change', node(1, 'a1', 'modified'), undefined, 'info'],
  ])('node change: %s', (_what, record, text, severity) => {
    const line = one(record, [node(0, 'a1')]);
    expect(line?.text).toBe(text);
    if (line) expect(line.severity).toBe(severity);
  });

  it('a pod lost with its node says so', () => {
    const line = one(pod(5, 'p', 'deleted', { lost: true, phase: 'Terminating' }), [pod(0, 'p', 'added', { node: 'a1' })]);
    expect(line).toEqual({ category: 'cluster', severity: 'warn', text: 'pod ns/p lost (was on a1)', subject: { kind: 'pod', key: 'ns/p' } });
  });
});

describe('eventsFor', () => {
  const m = createJournalModel(header(), [
    event(0, 'Normal', 'Registered', 'Node', 'a1'),
    event(10, 'Warning', 'PowerBrownout', 'Node', 'a1'),
    event(20, 'Normal', 'Scheduled', 'Pod', 'p1'),
    event(30, 'Warning', 'StageSeparated', 'Node', 'a1'),
  ]);
  it.each([
    ['all before t, newest last', { kind: 'node' as const, key: 'a1' }, 25, undefined, ['Registered', 'PowerBrownout']],
    ['limited to the newest', { kind: 'node' as const, key: 'a1' }, 100, 2, ['PowerBrownout', 'StageSeparated']],
    ['a pod by namespace/name', { kind: 'pod' as const, key: 'ns/p1' }, 100, undefined, ['Scheduled']],
    ['nothing about another node', { kind: 'node' as const, key: 'b1' }, 100, undefined, []],
    ['nothing before the first', { kind: 'node' as const, key: 'a1' }, -1, undefined, []],
  ])('%s', (_what, subject, t, limit, reasons) => {
    expect(m.eventsFor(subject, t, limit).map((e) => e.text.split(' ')[0])).toEqual(reasons);
  });
});

describe('series', () => {
  it('telemetry as channel.key series, names sorted', () => {
    const m = createJournalModel(header(), [
      { t: 0, kind: 'telemetry', channel: 'vehicle', values: { altitudeM: 1, velocityMps: 2 } },
      { t: 1000, kind: 'telemetry', channel: 'bus/s1-bus', values: { volts: 28 } },
      { t: 1000, kind: 'telemetry', channel: 'vehicle', values: { altitudeM: 5, velocityMps: 3 } },
    ]);
    expect(m.seriesNames()).toEqual(['bus/s1-bus.volts', 'vehicle.altitudeM', 'vehicle.velocityMps']);
    expect(m.series('vehicle.altitudeM')).toEqual({ name: 'vehicle.altitudeM', t: [0, 1000], v: [1, 5] });
    expect(m.series('nope')).toBeUndefined();
  });

  it('pods ready and pending per workload, one point per instant', () => {
    const m = createJournalModel(header(), [
      pod(0, 'p1', 'added'),
      pod(0, 'p2', 'added'),
      pod(10, 'p1', 'modified', { phase: 'Running', ready: true }),
      pod(10, 'p2', 'modified', { phase: 'Running', ready: true }),
      pod(20, 'p1', 'deleted'),
    ]);
    expect(m.podSeries()).toEqual([
      { name: 'pending/gnc', t: [0, 10], v: [2, 0] },
      { name: 'ready/gnc', t: [0, 10, 20], v: [0, 2, 1] },
    ]);
  });
});

describe('expectations', () => {
  it('lists the layout\'s as pending, then takes the verdicts (and any not in the layout)', () => {
    const m = createJournalModel(header(), []);
    expect(m.expectations().map((e) => e.status)).toEqual(['pending', 'pending']);
    m.append({ t: 500, kind: 'expect', name: 'gnc-up', status: 'fail', message: 'only 1' });
    m.append({ t: 100, kind: 'expect', name: 'extra', status: 'pass' });
    expect(m.expectations()).toEqual([
      { name: 'gnc-up', type: 'availability', status: 'fail', t: 500, message: 'only 1' },
      { name: 'no-loss', type: 'pods-lost', status: 'pending' },
      { name: 'extra', type: 'unknown', status: 'pass', t: 100 },
    ]);
  });
});
