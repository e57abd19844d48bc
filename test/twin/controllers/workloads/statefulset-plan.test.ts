// StatefulSet sync decisions, table-style (upstream stateful_set_control.go semantics).
import { describe, expect, it } from 'vitest';
import { ordinalOf, planStatefulSet, type StsPlanInput, type StsPodState } from '../../../../sim/twin/controllers/statefulset-plan.ts';

const ok = (name: string, revision = 'r1'): StsPodState => ({ name, revision, terminating: false, finished: false, healthy: true });
const starting = (name: string, revision = 'r1'): StsPodState => ({ ...ok(name, revision), healthy: false });
const term = (name: string, revision = 'r1'): StsPodState => ({ ...ok(name, revision), terminating: true, healthy: false });

function input(replicas: number, pods: [number, StsPodState][], extra: Partial<StsPlanInput> = {}): StsPlanInput {
  return { replicas, parallel: false, rollingUpdate: true, partition: 0, currentRevision: 'r1', updateRevision: 'r1', pods: new Map(pods), ...extra };
}

describe('planStatefulSet', () => {
  it.each<[string, StsPlanInput, string[]]>([
    ['OrderedReady creates ordinal 0 first', input(3, []), ['create 0']],
    ['OrderedReady waits for 0 to be Running and Ready', input(3, [[0, starting('w-0')]]), []],
    ['OrderedReady creates 1 once 0 is ready', input(3, [[0, ok('w-0')]]), ['create 1']],
    ['OrderedReady fills a gap before anything else', input(3, [[0, ok('w-0')], [2, ok('w-2')]]), ['create 1']],
    ['Parallel creates every missing ordinal', input(3, [], { parallel: true }), ['create 0', 'create 1', 'create 2']],
    ['Parallel does not wait for readiness', input(3, [[0, starting('w-0')]], { parallel: true }), ['create 1', 'create 2']],
    ['scale down removes the highest ordinal first', input(1, [[0, ok('w-0')], [1, ok('w-1')], [2, ok('w-2')]]), ['delete w-2 condemned']],
    ['scale down waits while the last one terminates', input(1, [[0, ok('w-0')], [1, ok('w-1')], [2, term('w-2')]]), []],
    ['Parallel scale down removes all at once', input(1, [[0, ok('w-0')], [1, ok('w-1')], [2, ok('w-2')]], { parallel: true }), ['delete w-2 condemned', 'delete w-1 condemned']],
    ['a deleted pod is recreated under its ordinal once gone', input(3, [[0, ok('w-0')], [2, ok('w-2')]], { parallel: true }), ['create 1']],
    ['a terminating pod is not replaced while it still exists', input(2, [[0, ok('w-0')], [1, term('w-1')]]), []],
    ['a failed pod is deleted to be recreated', input(2, [[0, ok('w-0')], [1, { ...ok('w-1'), finished: true, healthy: false }]]), ['delete w-1 finished']],
    ['rolling update deletes the highest ordinal first', input(3, [[0, ok('w-0')], [1, ok('w-1')], [2, ok('w-2')]], { updateRevision: 'r2' }), ['delete w-2 update']],
    ['rolling update waits for the updated pod to be ready', input(3, [[0, ok('w-0')], [1, ok('w-1')], [2, starting('w-2', 'r2')]], { updateRevision: 'r2' }), []],
    ['rolling update goes on to the next ordinal', input(3, [[0, ok('w-0')], [1, ok('w-1')], [2, ok('w-2', 'r2')]], { updateRevision: 'r2' }), ['delete w-1 update']],
    ['partition keeps lower ordinals at the current revision', input(3, [[0, ok('w-0')], [1, ok('w-1', 'r2')], [2, ok('w-2', 'r2')]], { updateRevision: 'r2', partition: 1 }), []],
    ['below the partition a recreated pod gets the current revision', input(3, [[1, ok('w-1', 'r2')], [2, ok('w-2', 'r2')]], { updateRevision: 'r2', partition: 1 }), ['create 0@r1']],
    ['OnDelete never deletes for an update', input(2, [[0, ok('w-0')], [1, ok('w-1')]], { updateRevision: 'r2', rollingUpdate: false }), []],
  ])('%s', (_what, inp, want) => {
    const got = planStatefulSet(inp).map((a) => (a.kind === 'create' ? `create ${a.ordinal}${a.revision !== inp.updateRevision ? `@${a.revision}` : ''}` : `delete ${a.name} ${a.why}`));
    expect(got).toEqual(want);
  });

  it.each<[string, string, number | undefined]>([
    ['web', 'web-0', 0],
    ['web', 'web-12', 12],
    ['web', 'web-012', undefined],
    ['web', 'web-x', undefined],
    ['web', 'webx-1', undefined],
    ['web-a', 'web-a-3', 3],
  ])('ordinalOf(%s, %s) = %s', (set, pod, want) => expect(ordinalOf(set, pod)).toBe(want));
});
