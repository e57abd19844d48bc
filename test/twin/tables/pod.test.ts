import { describe, expect, it } from 'vitest';
import { toTable, type KubeObjectLike } from '../../../sim/twin/tables/index.ts';
import { D, NOW, S, M, ago } from './fixtures.ts';

function row(pod: KubeObjectLike) {
  return toTable('pods', [pod], { now: NOW, includeObject: 'None' }).rows[0]!;
}

function pod(name: string, spec: Record<string, unknown>, status: Record<string, unknown>, metadata = {}): KubeObjectLike {
  return { metadata: { name, ...metadata }, spec, status };
}

const two = { containers: [{}, {}] };
const one = { containers: [{}] };
const running = { running: {} };
const finished = (ms: number) => ({ terminated: { finishedAt: ago(ms) } });
const deleted = { deletionTimestamp: ago(10 * S) };
const sidecars = {
  initContainers: [{ name: 'restartable-init-1', restartPolicy: 'Always' }, { name: 'restartable-init-2', restartPolicy: 'Always' }],
  containers: [{}],
};

// Each case is one of upstream's printers_test.go TestPrintPod / TestPrintPodWithRestartableInitContainer
// cases, translated to v1 JSON; the expected cells are upstream's.
describe('printPod status, ready and restarts (upstream TestPrintPod)', () => {
  it.each([
    ['test1', pod('test1', two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] }),
      ['test1', '1/2', 'podPhase', '6', '<unknown>']],
    ['test2', pod('test2', two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] }),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>']],
    ['test3', pod('test3', two, { phase: 'podPhase', containerStatuses: [{ state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }, { state: { terminated: { reason: 'ContainerTerminatedReason' } }, restartCount: 3 }] }),
      ['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>']],
    ['test4', pod('test4', two, { phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] }),
      ['test4', '1/2', 'podPhase', '6', '<unknown>']],
    ['test5', pod('test5', two, { reason: 'podReason', phase: 'podPhase', containerStatuses: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] }),
      ['test5', '1/2', 'podReason', '6', '<unknown>']],
    ['test6 without Ready', pod('test6', two, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }, { ready: true, restartCount: 3, state: running }] }),
      ['test6', '1/2', 'NotReady', '6', '<unknown>']],
    ['test6 with Ready', pod('test6', two, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }, { ready: true, restartCount: 3, state: running }] }),
      ['test6', '1/2', 'Running', '6', '<unknown>']],
    ['test7', pod('test7', { initContainers: [{}], containers: [{}] }, { phase: 'podPhase', initContainerStatuses: [{ restartCount: 3, state: running, lastState: finished(10 * S) }], containerStatuses: [{ state: { waiting: {} } }] }),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>']],
    ['test9', pod('test9', { initContainers: [{}, {}], containers: [{}] }, { phase: 'podPhase', initContainerStatuses: [{ state: { terminated: {} } }, { restartCount: 3, state: running, lastState: finished(10 * S) }], containerStatuses: [{ state: { waiting: {} } }] }),
      ['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>']],
    ['test10', pod('test10', { initContainers: [{}, {}], containers: [{}] }, { phase: 'podPhase', initContainerStatuses: [{ restartCount: 2, state: { terminated: {} }, lastState: finished(2 * M) }, { restartCount: 3, state: running, lastState: finished(10 * S) }], containerStatuses: [{ state: { waiting: {} } }] }),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>']],
    ['test11', pod('test11', { initContainers: [{}], containers: [{}] }, { phase: 'Running', initContainerStatuses: [{ restartCount: 2, state: { terminated: {} }, lastState: finished(2 * M) }], containerStatuses: [{ restartCount: 4, state: running, lastState: finished(20 * S) }] }),
      ['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>']],
    ['test12', pod('test12', one, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 3, state: running, lastState: finished(5 * D) }] }),
      ['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>']],
    ['test14', pod('test14', two, { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 6, state: running, lastState: finished(5 * D) }, { ready: true, restartCount: 3, state: running, lastState: finished(20 * D) }] }),
      ['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>']],
    ['test15', pod('test15', two, { phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      ['test15', '0/2', 'SchedulingGated', '0', '<unknown>']],
    ['test17', pod('test17', one, { phase: 'Failed', containerStatuses: [{ state: { terminated: { reason: 'Error', exitCode: 1 } } }] }),
      ['test17', '0/1', 'Error', '0', '<unknown>']],
    ['test18', pod('test18', one, { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }, deleted),
      ['test18', '0/1', 'Completed', '0', '<unknown>']],
    ['test19', pod('test19', one, { phase: 'Running', containerStatuses: [{ state: running }] }, deleted),
      ['test19', '0/1', 'Terminating', '0', '<unknown>']],
    ['test20', pod('test20', one, { phase: 'Pending' }, deleted),
      ['test20', '0/1', 'Terminating', '0', '<unknown>']],
    ['sidecar not started', pod('test1', sidecars, { phase: 'Pending', conditions: [{ type: 'Initialized', status: 'False' }], initContainerStatuses: [{ name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastState: finished(10 * S) }, { name: 'restartable-init-2', state: { waiting: {} }, started: false }], containerStatuses: [{ state: { waiting: {} } }] }),
      ['test1', '0/3', 'Init:0/2', '3 (10s ago)', '<unknown>']],
    ['sidecars started', pod('test2', sidecars, { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [{ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: finished(10 * S) }, { name: 'restartable-init-2', state: running, started: true }], containerStatuses: [{ ready: true, restartCount: 4, state: running, lastState: finished(20 * S) }] }),
      ['test2', '1/3', 'Running', '7 (10s ago)', '<unknown>']],
    ['sidecars failed, pod done', pod('test3', sidecars, { phase: 'Succeeded', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [{ name: 'restartable-init-1', restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false, lastState: finished(10 * S) }, { name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false }], containerStatuses: [{ restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: finished(20 * S) }] }),
      ['test3', '0/3', 'Completed', '7 (10s ago)', '<unknown>']],
    ['statuses for unknown containers', pod('test4', { initContainers: [{ name: 'init1' }, { name: 'sidecar1', restartPolicy: 'Always' }], containers: [{ name: 'container1' }] }, { phase: 'Running', initContainerStatuses: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }], containerStatuses: [{ name: 'containerinvalid' }, { name: 'container1' }] }),
      ['test4', '0/2', 'Init:0/2', '0', '<unknown>']],
  ])('%s', (_name, p, want) => {
    expect(row(p).cells.slice(0, 5)).toEqual(want);
  });
});

describe('printPod beyond upstream\'s table', () => {
  it.each([
    ['init failed with signal', { initContainerStatuses: [{ state: { terminated: { exitCode: 137, signal: 9 } } }] }, 'Init:Signal:9'],
    ['init failed with exit code', { initContainerStatuses: [{ state: { terminated: { exitCode: 2 } } }] }, 'Init:ExitCode:2'],
    ['init failed with reason', { initContainerStatuses: [{ state: { terminated: { exitCode: 1, reason: 'Error' } } }] }, 'Init:Error'],
    ['init crash-looping', { initContainerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] }, 'Init:CrashLoopBackOff'],
    ['init PodInitializing is not a reason', { initContainerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }] }, 'Init:0/1'],
    ['container killed by signal', { containerStatuses: [{ state: { terminated: { exitCode: 143, signal: 15 } } }] }, 'Signal:15'],
    ['container exit code', { containerStatuses: [{ state: { terminated: { exitCode: 3 } } }] }, 'ExitCode:3'],
  ])('%s', (_name, status, want) => {
    const p = pod('p', { initContainers: [{}], containers: [{}] }, { phase: 'Pending', ...status });
    expect(row(p).cells[2]).toBe(want);
  });

  it('reports Unknown for a pod being deleted off a lost node (NodeLost)', () => {
    const p = pod('p', one, { phase: 'Running', reason: 'NodeLost', containerStatuses: [{ ready: true, state: running }] }, deleted);
    expect(row(p).cells.slice(1, 3)).toEqual(['1/1', 'Unknown']);
  });

  it('reports a node-shutdown eviction reason from status.reason', () => {
    const p = pod('p', one, { phase: 'Failed', reason: 'Terminated', message: 'Pod was terminated in response to imminent node shutdown.' });
    expect(row(p).cells[2]).toBe('Terminated');
  });

  it('prints AGE from creationTimestamp', () => {
    const p = pod('p', one, { phase: 'Running' }, { creationTimestamp: ago(3 * M + 20 * S) });
    expect(row(p).cells[4]).toBe('3m20s');
  });

  it.each([
    ['Succeeded', [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]],
    ['Failed', [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]],
    ['Running', undefined],
  ])('row conditions for phase %s (upstream TestPrintPodConditions)', (phase, want) => {
    expect(row(pod('p', two, { phase })).conditions).toEqual(want);
  });
});

describe('printPod wide cells (upstream TestPrintPodwide)', () => {
  const gates = { containers: [{}, {}], nodeName: 'test1', readinessGates: [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }] };
  const gateConditions = [{ type: 'condition1', status: 'False' }, { type: 'condition2', status: 'True' }];
  const statuses = [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }];
  it.each([
    ['single stack', pod('test1', gates, { conditions: gateConditions, phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }], containerStatuses: statuses, nominatedNodeName: 'node1' }),
      ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']],
    ['dual stack shows the first IP', pod('test1', gates, { conditions: gateConditions, phase: 'podPhase', podIPs: [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }], containerStatuses: statuses, nominatedNodeName: 'node1' }),
      ['test1', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']],
    ['nothing assigned', pod('test2', two, { phase: 'podPhase', containerStatuses: [statuses[0], { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] }),
      ['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>']],
    ['podIP without podIPs (v1 conversion)', pod('p', one, { phase: 'Running', podIP: '10.0.0.7' }),
      ['p', '0/1', 'Running', '0', '<unknown>', '10.0.0.7', '<none>', '<none>', '<none>']],
  ])('%s', (_name, p, want) => {
    expect(row(p).cells).toEqual(want);
  });
});
