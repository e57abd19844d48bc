// POST pods/<name>/binding: nodeName and PodScheduled=True in one write, as upstream's BindingREST.assignPod.
import { afterEach, expect, it } from 'vitest';
import { bindPod } from '../../../sim/twin/api/index.ts';
import { startSim, type Sim } from '../../helpers/sim.ts';

let sim: Sim | undefined;
afterEach(() => sim?.stop());

const newPod = (s: Sim, name: string, status?: object) => {
  s.registry.create(s.res('pods'), 'default', { metadata: { name }, spec: { containers: [{ name: 'c', image: 'x' }] } });
  if (status) {
    const pod = s.get('pods', 'default', name)!;
    s.registry.commitUpdate(s.res('pods'), { ...pod, status: { ...(pod.status as object), ...status } }, pod);
  }
};
const conditionsOf = (s: Sim, name: string) => (s.get('pods', 'default', name)!.status as { conditions: { type: string; status: string; lastTransitionTime: string }[] }).conditions;

it('sets nodeName and PodScheduled=True; pods bound in one second share the condition, frozen', async () => {
  sim = startSim({ controllers: [] });
  const s = sim;
  newPod(s, 'a');
  newPod(s, 'b');
  bindPod(s.registry, 'default', 'a', { target: { kind: 'Node', name: 'n1' } });
  bindPod(s.registry, 'default', 'b', { target: { name: 'n2' } });
  expect((s.get('pods', 'default', 'a')!.spec as { nodeName: string }).nodeName).toBe('n1');
  const [a, b] = [conditionsOf(s, 'a'), conditionsOf(s, 'b')];
  expect(a).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
  expect(b[0]).toBe(a[0]);
  expect(Object.isFrozen(a[0])).toBe(true);
  await s.advance(1_000);
  newPod(s, 'c');
  bindPod(s.registry, 'default', 'c', { target: { name: 'n1' } });
  expect(conditionsOf(s, 'c')[0]).toMatchObject({ lastTransitionTime: '2026-01-01T00:00:01Z' });
});

it('replaces an earlier PodScheduled=False and keeps the pod\'s other conditions', () => {
  sim = startSim({ controllers: [] });
  const s = sim;
  newPod(s, 'p', { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }, { type: 'DisruptionTarget', status: 'True' }] });
  bindPod(s.registry, 'default', 'p', { target: { name: 'n1' } });
  expect(conditionsOf(s, 'p').map((c) => `${c.type}=${c.status}`)).toEqual(['DisruptionTarget=True', 'PodScheduled=True']);
});

it('refuses a pod already bound, with upstream\'s message', () => {
  sim = startSim({ controllers: [] });
  const s = sim;
  newPod(s, 'p');
  bindPod(s.registry, 'default', 'p', { target: { name: 'n1' } });
  expect(() => bindPod(s.registry, 'default', 'p', { target: { name: 'n2' } })).toThrow('pod p is already assigned to node "n1"');
});
