// The resources the twin serves (as of the integrator's table), in the openapi module's terms.
import type { ServedResource } from '../../../sim/twin/openapi/index.ts';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const r = (group: string, kind: string, plural: string, namespaced: boolean, subresources: string[] = [], verbs = ALL): ServedResource => ({
  group,
  version: 'v1',
  kind,
  plural,
  namespaced,
  verbs,
  subresources,
});

export const SERVED: readonly ServedResource[] = [
  r('', 'Namespace', 'namespaces', false, ['status', 'finalize'], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('', 'Node', 'nodes', false, ['status']),
  r('', 'Pod', 'pods', true, ['status', 'eviction', 'binding', 'log']),
  r('', 'Event', 'events', true),
  r('', 'ConfigMap', 'configmaps', true),
  r('', 'Service', 'services', true, ['status']),
  r('', 'ServiceAccount', 'serviceaccounts', true),
  r('apps', 'Deployment', 'deployments', true, ['status', 'scale']),
  r('apps', 'ReplicaSet', 'replicasets', true, ['status', 'scale']),
  r('apps', 'StatefulSet', 'statefulsets', true, ['status', 'scale']),
  r('apps', 'DaemonSet', 'daemonsets', true, ['status']),
  r('policy', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['status']),
  r('coordination.k8s.io', 'Lease', 'leases', true),
  r('scheduling.k8s.io', 'PriorityClass', 'priorityclasses', false),
];
