import { describe, expect, it } from 'vitest';
import { toTable, type KubeObjectLike } from '../../../sim/twin/tables/index.ts';
import { D, NOW, ago } from './fixtures.ts';

function cells(node: KubeObjectLike): unknown[] {
  return toTable('nodes', [node], { now: NOW, includeObject: 'None' }).rows[0]!.cells;
}

const ready = (status: string) => ({ conditions: [{ type: 'Ready', status }] });

describe('printNode STATUS (cases shaped after upstream TestPrintNodeStatus)', () => {
  it.each([
    ['ready', {}, ready('True'), 'Ready'],
    ['ready, cordoned', { unschedulable: true }, ready('True'), 'Ready,SchedulingDisabled'],
    ['not ready', {}, ready('False'), 'NotReady'],
    ['lost (Unknown condition)', {}, ready('Unknown'), 'NotReady'],
    ['not ready, cordoned', { unschedulable: true }, ready('False'), 'NotReady,SchedulingDisabled'],
    ['no conditions', {}, {}, 'Unknown'],
    ['no conditions, cordoned', { unschedulable: true }, {}, 'Unknown,SchedulingDisabled'],
    ['only other conditions', {}, { conditions: [{ type: 'MemoryPressure', status: 'True' }] }, 'Unknown'],
  ])('%s → %s', (_name, spec, status, want) => {
    expect(cells({ metadata: { name: 'n' }, spec, status })[1]).toBe(want);
  });
});

describe('printNode ROLES (cases shaped after upstream TestPrintNodeRole)', () => {
  it.each([
    [{}, '<none>'],
    [{ 'node-role.kubernetes.io/foo': '', 'node-role.kubernetes.io/bar': '', 'node-role.kubernetes.io': '' }, 'bar,foo'],
    [{ 'node-role.kubernetes.io/nodeRole': '', 'kubernetes.io/role': 'node' }, 'node,nodeRole'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/control-plane': '', 'kis.dev/stage': 's1' }, 'control-plane'],
  ])('%o → %s', (labels, want) => {
    expect(cells({ metadata: { name: 'n', labels } })[2]).toBe(want);
  });
});

describe('printNode full row', () => {
  it('prints the default and wide columns of a kubelet-reported node', () => {
    const node: KubeObjectLike = {
      metadata: { name: 'stage1-a', creationTimestamp: ago(2 * D + 3 * 3600_000), labels: { 'node-role.kubernetes.io/worker': '' } },
      spec: {},
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        addresses: [{ type: 'Hostname', address: 'stage1-a' }, { type: 'InternalIP', address: '10.0.1.5' }, { type: 'ExternalIP', address: '1.2.3.4' }],
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Flight Linux', kernelVersion: '6.6.0', containerRuntimeVersion: 'containerd://2.0.0' },
      },
    };
    expect(cells(node)).toEqual([
      'stage1-a', 'Ready', 'worker', '2d3h', 'v1.32.0', '10.0.1.5', '1.2.3.4', 'Flight Linux', '6.6.0', 'containerd://2.0.0',
    ]);
  });

  it('prints <none>/<unknown> for what the kubelet has not reported', () => {
    expect(cells({ metadata: { name: 'n' } })).toEqual([
      'n', 'Unknown', '<none>', '<unknown>', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>',
    ]);
  });
});
