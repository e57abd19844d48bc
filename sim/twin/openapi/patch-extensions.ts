// The x-kubernetes-* extensions upstream publishes and kubernetes-models' compiled validators dropped.
//
// kubectl's client-side apply builds its strategic-merge patch from these (PatchMetaFromOpenAPIV3 reads
// x-kubernetes-patch-strategy / -merge-key off each list property); without them every list (containers,
// env, ports…) would be replaced wholesale instead of merged by key. Values are the Go struct tags of
// k8s.io/api v0.32 (`patchStrategy:"merge" patchMergeKey:"name"`, `+listType=map`, `+structType=atomic`),
// cross-checked against the tags compiled into kubectl 1.32. List types are given only where the tag is
// certain; server-side apply falls back to the patch merge key for the rest. Keyed by kubernetes-models module name.

import type { JsonSchema } from './json-schema.ts';

type Ext = Pick<
  JsonSchema,
  | 'x-kubernetes-patch-strategy'
  | 'x-kubernetes-patch-merge-key'
  | 'x-kubernetes-list-type'
  | 'x-kubernetes-list-map-keys'
  | 'x-kubernetes-map-type'
>;

const merge = (key: string, listMapKeys?: string[]): Ext =>
  listMapKeys === undefined
    ? { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': key }
    : {
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': key,
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': listMapKeys,
      };
const mergeRetainKeys = (key: string): Ext => ({
  'x-kubernetes-patch-strategy': 'merge,retainKeys',
  'x-kubernetes-patch-merge-key': key,
});
const conditions = merge('type');
const containerFields: Record<string, Ext> = {
  // upstream: k8s.io/api/core/v1/types.go Container
  ports: merge('containerPort', ['containerPort', 'protocol']),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
  resizePolicy: { 'x-kubernetes-list-type': 'atomic' },
};

/** Property extensions, by module then property name. */
export const PROPERTY_EXTENSIONS: Readonly<Record<string, Readonly<Record<string, Ext>>>> = {
  IoK8sApimachineryPkgApisMetaV1ObjectMeta: {
    finalizers: { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' },
    ownerReferences: merge('uid'),
  },
  IoK8sApiCoreV1PodSpec: {
    volumes: mergeRetainKeys('name'),
    initContainers: merge('name'),
    containers: merge('name'),
    ephemeralContainers: merge('name'),
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey', ['topologyKey', 'whenUnsatisfiable']),
    schedulingGates: merge('name', ['name']),
    resourceClaims: mergeRetainKeys('name'),
    tolerations: { 'x-kubernetes-list-type': 'atomic' },
  },
  IoK8sApiCoreV1Container: containerFields,
  IoK8sApiCoreV1EphemeralContainer: containerFields,
  IoK8sApiCoreV1PodStatus: {
    conditions,
    podIPs: merge('ip'),
    hostIPs: merge('ip'),
    resourceClaimStatuses: mergeRetainKeys('name'),
  },
  IoK8sApiCoreV1ContainerStatus: { allocatedResourcesStatus: merge('name') },
  IoK8sApiCoreV1NodeSpec: {
    podCIDRs: { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' },
    taints: { 'x-kubernetes-list-type': 'atomic' },
  },
  IoK8sApiCoreV1NodeStatus: { conditions, addresses: merge('type') },
  IoK8sApiCoreV1ServiceSpec: { ports: merge('port', ['port', 'protocol']) },
  IoK8sApiCoreV1ServiceStatus: { conditions: merge('type', ['type']) },
  IoK8sApiCoreV1ServiceAccount: { secrets: merge('name') },
  IoK8sApiCoreV1NamespaceStatus: { conditions },
  IoK8sApiCoreV1PersistentVolumeClaimStatus: { conditions },
  IoK8sApiCoreV1ReplicationControllerStatus: { conditions },
  IoK8sApiCoreV1ComponentStatus: { conditions },
  IoK8sApiAppsV1DeploymentSpec: { strategy: { 'x-kubernetes-patch-strategy': 'retainKeys' } },
  IoK8sApiAppsV1DeploymentStatus: { conditions },
  IoK8sApiAppsV1ReplicaSetStatus: { conditions },
  IoK8sApiAppsV1StatefulSetStatus: { conditions },
  IoK8sApiAppsV1DaemonSetStatus: { conditions },
  IoK8sApiPolicyV1PodDisruptionBudgetStatus: { conditions: merge('type', ['type']) },
  IoK8sApiBatchV1JobStatus: { conditions: { 'x-kubernetes-list-type': 'atomic' } },
  IoK8sApiAutoscalingV2HorizontalPodAutoscalerStatus: { conditions: merge('type', ['type']) },
};

/** Definition-level extensions (`+structType=atomic` → x-kubernetes-map-type: atomic). */
export const DEFINITION_EXTENSIONS: Readonly<Record<string, Ext>> = Object.fromEntries(
  [
    'IoK8sApimachineryPkgApisMetaV1LabelSelector',
    'IoK8sApiCoreV1LocalObjectReference',
    'IoK8sApiCoreV1ObjectReference',
    'IoK8sApiCoreV1NodeSelector',
    'IoK8sApiCoreV1NodeSelectorTerm',
    'IoK8sApiCoreV1TopologySelectorTerm',
    'IoK8sApiCoreV1ConfigMapKeySelector',
    'IoK8sApiCoreV1SecretKeySelector',
    'IoK8sApiCoreV1ObjectFieldSelector',
    'IoK8sApiCoreV1ResourceFieldSelector',
    'IoK8sApiCoreV1TypedLocalObjectReference',
  ].map((m) => [m, { 'x-kubernetes-map-type': 'atomic' } satisfies Ext]),
);
