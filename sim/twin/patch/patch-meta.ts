// Strategic-merge-patch metadata per kind: which lists merge (and by which key), which maps replace.
// Transcribed from the Go struct tags `patchStrategy`/`patchMergeKey` in k8s.io/api (v1.33):
//   core/v1/types.go (ObjectMeta in apimachinery meta/v1/types.go), apps/v1/types.go, policy/v1/types.go.
// Only fields that carry a tag, or lead to one, are listed; every other field merges maps and replaces lists,
// which is what upstream does for untagged fields. Lists without a tag are atomic: notably PodSpec.tolerations,
// NodeSpec.taints, PodStatus.containerStatuses, ServiceAccount.imagePullSecrets and NamespaceSpec.finalizers.

/** One field's tags, plus the schema of its value (for a list: of its elements). */
export interface PatchField {
  readonly strategy?: 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';
  readonly mergeKey?: string;
  readonly schema?: PatchSchema;
}

export type PatchSchema = Readonly<Record<string, PatchField>>;

const byType: PatchField = { strategy: 'merge', mergeKey: 'type' };

// upstream: apimachinery meta/v1/types.go ObjectMeta
const objectMeta: PatchSchema = {
  finalizers: { strategy: 'merge' },
  ownerReferences: { strategy: 'merge', mergeKey: 'uid' },
};

// upstream: core/v1/types.go Container (EphemeralContainerCommon carries the same tags)
const container: PatchSchema = {
  ports: { strategy: 'merge', mergeKey: 'containerPort' },
  env: { strategy: 'merge', mergeKey: 'name' },
  volumeMounts: { strategy: 'merge', mergeKey: 'mountPath' },
  volumeDevices: { strategy: 'merge', mergeKey: 'devicePath' },
};

// upstream: core/v1/types.go PodSpec
const podSpec: PatchSchema = {
  volumes: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  initContainers: { strategy: 'merge', mergeKey: 'name', schema: container },
  containers: { strategy: 'merge', mergeKey: 'name', schema: container },
  ephemeralContainers: { strategy: 'merge', mergeKey: 'name', schema: container },
  imagePullSecrets: { strategy: 'merge', mergeKey: 'name' },
  hostAliases: { strategy: 'merge', mergeKey: 'ip' },
  topologySpreadConstraints: { strategy: 'merge', mergeKey: 'topologyKey' },
  schedulingGates: { strategy: 'merge', mergeKey: 'name' },
  resourceClaims: { strategy: 'merge,retainKeys', mergeKey: 'name' },
};

// upstream: core/v1/types.go PodStatus
const podStatus: PatchSchema = {
  conditions: byType,
  podIPs: { strategy: 'merge', mergeKey: 'ip' },
  hostIPs: { strategy: 'merge', mergeKey: 'ip' },
  resourceClaimStatuses: { strategy: 'merge,retainKeys', mergeKey: 'name' },
};

const podTemplateSpec: PatchSchema = {
  metadata: { schema: objectMeta },
  spec: { schema: podSpec },
};

const meta: PatchSchema = { metadata: { schema: objectMeta } };
const withConditions = (spec: PatchSchema = {}): PatchSchema => ({
  ...meta,
  spec: { schema: spec },
  status: { schema: { conditions: byType } },
});

// upstream: core/v1/types.go PersistentVolumeClaim (StatefulSetSpec.volumeClaimTemplates elements)
const persistentVolumeClaim: PatchSchema = {
  metadata: { schema: objectMeta },
  status: { schema: { conditions: byType } },
};

/** Kind → schema of the whole object. */
export const patchSchemas: Readonly<Record<string, PatchSchema>> = {
  Pod: { ...meta, spec: { schema: podSpec }, status: { schema: podStatus } },
  // upstream: NodeSpec.podCIDRs merges as a set; NodeStatus.conditions/addresses merge by type.
  Node: {
    ...meta,
    spec: { schema: { podCIDRs: { strategy: 'merge' } } },
    status: { schema: { conditions: byType, addresses: byType } },
  },
  // upstream: DeploymentSpec.strategy is retainKeys (only the client-side diff uses it).
  Deployment: withConditions({ strategy: { strategy: 'retainKeys' }, template: { schema: podTemplateSpec } }),
  ReplicaSet: withConditions({ template: { schema: podTemplateSpec } }),
  StatefulSet: withConditions({
    template: { schema: podTemplateSpec },
    volumeClaimTemplates: { schema: persistentVolumeClaim },
  }),
  DaemonSet: withConditions({ template: { schema: podTemplateSpec } }),
  // upstream: policy/v1 PodDisruptionBudgetSpec.selector has patchStrategy "replace".
  PodDisruptionBudget: withConditions({ selector: { strategy: 'replace' } }),
  Namespace: withConditions(),
  // upstream: ServiceSpec.ports merge by port; ServiceStatus.conditions by type.
  Service: withConditions({ ports: { strategy: 'merge', mergeKey: 'port' } }),
  ServiceAccount: { ...meta, secrets: { strategy: 'merge', mergeKey: 'name' } },
  PersistentVolumeClaim: persistentVolumeClaim,
  Event: meta,
  Lease: meta,
  ConfigMap: meta,
  Secret: meta,
  PriorityClass: meta,
  PodTemplate: { ...meta, template: { schema: podTemplateSpec } },
};

/** The schema for a kind; kinds we do not know get ObjectMeta's tags only. */
export function patchSchemaFor(kind: string): PatchSchema {
  return Object.prototype.hasOwnProperty.call(patchSchemas, kind) ? patchSchemas[kind]! : meta;
}
