import { describe, expect, it } from 'vitest';
import type { NodeView, PodView } from '../../../web/model/types.ts';
import { nodeView, podView } from './fixtures.ts';
import { nodeMarkers } from '../../../web/scene/markers.ts';
import { nodeLook, podColor } from '../../../web/scene/node-look.ts';
import { BACKGROUND, BUS_COLOR, MARKER_COLOR, NODE_COLOR, POD_NOT_READY_COLOR, POD_PHASE_COLOR, mixColor } from '../../../web/scene/palette.ts';

const node = (over: Partial<NodeView> = {}): NodeView => nodeView('n1', over);
const pod = podView;

describe('nodeLook', () => {
  it.each<[string, Partial<NodeView>, number]>([
    ['Ready', {}, NODE_COLOR.ready],
    ['NotReady', { ready: 'False' }, NODE_COLOR.notReady],
    ['unreachable (Unknown)', { ready: 'Unknown' }, NODE_COLOR.unknown],
    ['powered off, even if still Ready', { power: 'off' }, NODE_COLOR.poweredOff],
    ['powered off and Unknown', { power: 'off', ready: 'Unknown' }, NODE_COLOR.poweredOff],
  ])('%s', (_, over, color) => {
    expect(nodeLook(node(over)).color).toBe(color);
  });

  it.each<[string, Partial<NodeView>, { controlPlane: boolean; cordoned: boolean; tainted: boolean }]>([
    ['plain worker', {}, { controlPlane: false, cordoned: false, tainted: false }],
    ['control plane with its routine taint', { role: 'control-plane', taints: ['node-role.kubernetes.io/control-plane:NoSchedule'] }, { controlPlane: true, cordoned: false, tainted: false }],
    ['cordoned', { unschedulable: true }, { controlPlane: false, cordoned: true, tainted: false }],
    ['out of service', { taints: ['node.kubernetes.io/out-of-service:NoExecute'] }, { controlPlane: false, cordoned: false, tainted: true }],
    ['brownout', { taints: ['kis.dev/power:NoSchedule'] }, { controlPlane: false, cordoned: false, tainted: true }],
  ])('markers: %s', (_, over, flags) => {
    expect(nodeLook(node(over))).toMatchObject(flags);
  });

  it('fades toward the background', () => {
    expect(nodeLook(node(), 1).color).toBe(BACKGROUND);
    expect(nodeLook(node(), 0.5).color).toBe(mixColor(NODE_COLOR.ready, BACKGROUND, 0.5));
  });
});

describe('nodeMarkers', () => {
  it('draws one bar per flag and the bus tab in its state colour', () => {
    const look = nodeLook(node({ role: 'control-plane', unschedulable: true, taints: ['x:NoExecute'] }));
    const colors = nodeMarkers(look, 'brownout').map((m) => m.color);
    expect(colors).toEqual([MARKER_COLOR.controlPlane, MARKER_COLOR.cordoned, MARKER_COLOR.tainted, BUS_COLOR.brownout]);
    expect(nodeMarkers(nodeLook(node()), undefined)).toEqual([]);
  });
});

describe('podColor', () => {
  it.each<[Partial<PodView>, number]>([
    [{ phase: 'Running', ready: true }, POD_PHASE_COLOR.Running],
    [{ phase: 'Running', ready: false }, POD_NOT_READY_COLOR],
    [{ phase: 'Pending', ready: false }, POD_PHASE_COLOR.Pending],
    [{ phase: 'Terminating' }, POD_PHASE_COLOR.Terminating],
    [{ phase: 'Failed' }, POD_PHASE_COLOR.Failed],
    [{ phase: 'Succeeded' }, POD_PHASE_COLOR.Succeeded],
    [{ phase: 'Unknown' }, POD_PHASE_COLOR.Unknown],
  ])('%o', (over, color) => {
    expect(podColor(pod(over))).toBe(color);
  });

  it('gives every phase its own colour', () => {
    expect(new Set(Object.values(POD_PHASE_COLOR)).size).toBe(Object.keys(POD_PHASE_COLOR).length);
  });
});

describe('mixColor', () => {
  it.each([
    [0x000000, 0xffffff, 0, 0x000000],
    [0x000000, 0xffffff, 1, 0xffffff],
    [0x000000, 0xffffff, 0.5, 0x808080],
    [0xff0000, 0x0000ff, 2, 0x0000ff],
  ])('mix(%i, %i, %f) = %i', (a, b, f, c) => {
    expect(mixColor(a, b, f)).toBe(c);
  });
});
