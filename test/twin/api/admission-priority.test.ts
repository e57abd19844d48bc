// The Priority admission plugin's global default, as pods are created while PriorityClasses come and go.
// upstream: plugin/pkg/admission/priority/admission.go (getDefaultPriority: the class with globalDefault set).
import { afterEach, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../helpers/sim.ts';

let sim: Sim | undefined;
afterEach(() => sim?.stop());

const podSpec = (s: Sim, name: string) =>
  s.registry.create(s.res('pods'), 'default', { metadata: { name }, spec: { containers: [{ name: 'c', image: 'x' }] } }).spec as { priority?: number; priorityClassName?: string };

it('a new pod takes the global default PriorityClass current at its creation', () => {
  sim = startSim({ controllers: [] });
  const s = sim;
  const before = podSpec(s, 'before');
  expect(before.priority).toBe(0);
  expect(before.priorityClassName).toBeUndefined();
  const pcs = s.res('priorityclasses.scheduling.k8s.io');
  const pc = s.registry.create(pcs, '', { metadata: { name: 'fleet-default' }, value: 1000, globalDefault: true } as unknown as KubeObject);
  expect(podSpec(s, 'with-default')).toMatchObject({ priority: 1000, priorityClassName: 'fleet-default' });
  s.registry.update(pcs, '', 'fleet-default', { ...pc, globalDefault: false } as KubeObject);
  expect(podSpec(s, 'after-unset')).toMatchObject({ priority: 0 });
  s.registry.create(pcs, '', { metadata: { name: 'other-default' }, value: 7, globalDefault: true } as unknown as KubeObject);
  expect(podSpec(s, 'other')).toMatchObject({ priority: 7, priorityClassName: 'other-default' });
});
