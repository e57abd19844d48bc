import { describe, expect, it } from 'vitest';
import { createJournalModel } from '../../../web/model/index.ts';
import type { JournalRecord } from '../../../web/model/index.ts';
import { action, header, node, pod, sig } from './journal-fixture.ts';

const at = (records: JournalRecord[], t = 1e9) => createJournalModel(header(), records).stateAt(t);

describe('bus state', () => {
  it.each([
    ['28 V is nominal', [28000], 'nominal', 28],
    ['exactly the brownout threshold is still nominal (strictly below, as sim/vehicle/bus-level.ts)', [24000], 'nominal', 24],
    ['below brownout', [23900], 'brownout', 23.9],
    ['below cutoff', [19000], 'cutoff', 19],
    ['back up after a brownout', [23000, 27000], 'nominal', 27],
  ])('%s', (_what, mvs, state, volts) => {
    const s = at(mvs.map((mv, i) => sig(i * 1000, { type: 'power', bus: 's1-bus', millivolts: mv })));
    expect(s.buses.get('s1-bus')).toEqual({ name: 's1-bus', volts, state });
  });

  it.each([
    ['lost', ['lost'], 'lost'],
    ['lost then restored, voltage nominal', ['lost', 'restored'], 'nominal'],
  ])('power-state %s', (_what, states, state) => {
    const s = at([sig(0, { type: 'power', bus: 's2-bus', millivolts: 28000 }), ...states.map((x, i) => sig(1000 + i, { type: 'power-state', bus: 's2-bus', state: x }))]);
    expect(s.buses.get('s2-bus')!.state).toBe(state);
  });

  it('a bus stays lost through readings until restored; a node-only power-state leaves the bus alone', () => {
    const s = at([sig(0, { type: 'power-state', bus: 's1-bus', state: 'lost' }), sig(1, { type: 'power', bus: 's1-bus', millivolts: 28000 }), sig(2, { type: 'power-state', bus: 's2-bus', node: 'b2', state: 'lost' })]);
    expect(s.buses.get('s1-bus')).toEqual({ name: 's1-bus', volts: 28, state: 'lost' });
    expect(s.buses.get('s2-bus')).toEqual({ name: 's2-bus', state: 'nominal' });
  });
});

describe('links', () => {
  it.each([
    ['up by default', [], { name: 's-band', up: true }],
    ['down', [sig(0, { type: 'link', link: 's-band', state: 'down' })], { name: 's-band', up: false }],
    ['up again with latency', [sig(0, { type: 'link', link: 's-band', state: 'down' }), sig(5, { type: 'link', link: 's-band', state: 'up', latencyMs: 40 })], { name: 's-band', up: true, latencyMs: 40 }],
  ])('%s', (_what, records, view) => {
    expect(at(records).links.get('s-band')).toEqual(view);
  });
});

describe('stage separation', () => {
  const detach = (status: 'decided' | 'applied' | 'refused', stage = 'stage1') => action(100, { type: 'detach-stage', stage }, status);
  it.each([
    ['a detach-stage applied', [detach('applied')], 100],
    ['a detach-stage only decided', [detach('decided')], undefined],
    ['a detach-stage refused', [detach('refused')], undefined],
    ['a separation signal naming the stage', [sig(90, { type: 'separation', plane: 's1-s2', stage: 'stage1', state: 'separated' })], 90],
    ['a separation signal whose plane is the stage', [sig(90, { type: 'separation', plane: 'stage1', state: 'separated' })], 90],
    ['a separation signal of an unknown plane', [sig(90, { type: 'separation', plane: 's1-s2', state: 'separated' })], undefined],
    ['an attached signal', [sig(90, { type: 'separation', plane: 's1-s2', stage: 'stage1', state: 'attached' })], undefined],
    ['the signal, then the detach: the first wins', [sig(90, { type: 'separation', plane: 'p', stage: 'stage1', state: 'separated' }), detach('applied')], 90],
  ])('%s', (_what, records, separatedAt) => {
    const s = at(records);
    expect(s.stages[0]!.separatedAt).toBe(separatedAt);
    expect(s.stages[1]!.separatedAt).toBeUndefined();
  });

  it('lists stages in order with their nodes and mass', () => {
    expect(at([]).stages).toEqual([
      { name: 'stage1', order: 1, nodes: ['a1', 'a2'], massKg: 20000 },
      { name: 'stage2', order: 2, nodes: ['b1', 'b2'] },
    ]);
  });
});

describe('phase', () => {
  const phase = (t: number, name: string) => sig(t, { type: 'custom', name: 'flight-phase', data: { phase: name } });
  it.each([
    ['before any marker', [], -5000, ''],
    ['a planned marker reached', [], 1000, 'liftoff'],
    ['the later planned marker', [], 80_000, 'max-q'],
    ['a flight-phase signal after the last marker', [phase(90_000, 'MECO')], 95_000, 'MECO'],
    ['a planned marker after the signal', [phase(10_000, 'hold')], 80_000, 'max-q'],
    ['the signal at the same time as the marker wins', [phase(70_000, 'max-q-early')], 70_000, 'max-q-early'],
    ['other custom signals do not count', [sig(90_000, { type: 'custom', name: 'other', data: { phase: 'x' } })], 95_000, 'max-q'],
  ])('%s', (_what, records, t, name) => {
    expect(at(records, t).phase).toBe(name);
  });
});

describe('nodes and pods', () => {
  it('takes stage, bus and role from the layout, the rest from the data', () => {
    const s = at([node(0, 'b1', 'added', { role: 'control-plane', ready: 'False', conditions: { MemoryPressure: 'True' }, taints: ['z:NoSchedule', 'a:NoExecute'] })]);
    expect(s.nodes.get('b1')).toEqual({
      name: 'b1', stage: 'stage2', role: 'control-plane', bus: 's2-bus', ready: 'False', power: 'on', attached: true, unschedulable: false,
      taints: ['a:NoExecute', 'z:NoSchedule'], labels: {}, conditions: { MemoryPressure: 'True' }, present: true,
    });
  });

  it('a node outside the layout takes its stage from data, then from the kis.dev/stage label', () => {
    const s = at([node(0, 'x1', 'added', { stage: 'extra' }), node(0, 'x2', 'added', { labels: { 'kis.dev/stage': 'lbl', 'kis.dev/power-bus': 'pb' } }), node(0, 'x3')]);
    expect([s.nodes.get('x1')!.stage, s.nodes.get('x2')!.stage, s.nodes.get('x2')!.bus, s.nodes.get('x3')!.stage]).toEqual(['extra', 'lbl', 'pb', undefined]);
  });

  it('a deleted node stays, not present; a deleted pod goes', () => {
    const s = at([node(0, 'a1'), pod(0, 'p', 'added', { node: 'a1' }), node(10, 'a1', 'deleted'), pod(10, 'p', 'deleted')]);
    expect(s.nodes.get('a1')).toMatchObject({ present: false, ready: 'True', stage: 'stage1' });
    expect(s.pods.size).toBe(0);
  });

  it('a pod record missing fields keeps the previous values; an unknown phase is Unknown', () => {
    const recs = [pod(0, 'p', 'added', { node: 'a1', priorityClass: 'pc', restarts: 2 }), { ...pod(5, 'p', 'modified'), data: { phase: 'Weird' } } as JournalRecord];
    expect(at(recs).pods.get('ns/p')).toEqual({ key: 'ns/p', name: 'p', namespace: 'ns', node: 'a1', phase: 'Unknown', ready: false, workload: 'gnc', priorityClass: 'pc', restarts: 2 });
  });

  it('telemetry keeps the latest values per channel', () => {
    const tel = (t: number, v: number): JournalRecord => ({ t, kind: 'telemetry', channel: 'vehicle', values: { altitudeM: v } });
    expect(at([tel(0, 1), tel(1000, 2)], 500).telemetry.get('vehicle')).toEqual({ altitudeM: 1 });
    expect(at([tel(0, 1), tel(1000, 2)]).telemetry.get('vehicle')).toEqual({ altitudeM: 2 });
  });
});

describe('seeking bounds', () => {
  it('the state at t holds every record with t <= it, and an expect record written late changes nothing', () => {
    const m = createJournalModel(header(), [node(0, 'a1'), node(1000, 'a2'), { t: 500, kind: 'expect', name: 'gnc-up', status: 'pass' }]);
    expect([...m.stateAt(999).nodes.keys()]).toEqual(['a1']);
    expect([...m.stateAt(1000).nodes.keys()]).toEqual(['a1', 'a2']);
    expect(m.stateAt(-1).nodes.size).toBe(0);
    expect([m.startMs, m.endMs]).toEqual([0, 1000]);
  });

  it('before any record, start and end come from the layout', () => {
    const m = createJournalModel(header());
    expect([m.startMs, m.endMs, m.recordCount]).toEqual([-10_000, 590_000, 0]);
  });
});
