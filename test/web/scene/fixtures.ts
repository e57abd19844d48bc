// View builders for the scene's tests: a healthy default, overridden field by field.
import type { NodeView, PodView } from '../../../web/model/types.ts';

export const nodeView = (name: string, over: Partial<NodeView> = {}): NodeView => ({
  name,
  role: 'worker',
  ready: 'True',
  power: 'on',
  attached: true,
  unschedulable: false,
  taints: [],
  labels: {},
  conditions: {},
  present: true,
  ...over,
});

export const podView = (over: Partial<PodView> = {}): PodView => ({ key: 'ns/p', name: 'p', namespace: 'ns', phase: 'Running', ready: true, restarts: 0, ...over });
