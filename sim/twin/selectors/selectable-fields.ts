// Which field selector fields each resource supports, and their values for an object, as kube-apiserver has them.
// Supported names come from the field label conversion funcs (they reject unknown fields before any matching);
// values come from each registry strategy's GetAttrs/ToSelectableFields.
// upstream: k8s.io/kubernetes/pkg/apis/core/v1/conversion.go addConversionFuncs (Pod, Node, ReplicationController,
//   Event, Namespace, Secret, Service); pkg/apis/batch/v1/conversion.go (Job);
//   k8s.io/apimachinery/pkg/runtime/conversion.go DefaultMetaV1FieldSelectorConversion (every other kind);
//   pkg/registry/core/{pod,node,event,namespace,secret,service,replicationcontroller}/strategy.go ToSelectableFields.
import { SelectorError } from './errors.ts';
import type { FieldSelector } from './field-selector.ts';

type Obj = { metadata: { name?: string; namespace?: string }; [k: string]: unknown };

interface ResourceFieldSpec {
  readonly namespaced: boolean;
  /** Field labels the conversion func accepts, including legacy aliases (value: the field it becomes). */
  readonly accepted: Readonly<Record<string, string>>;
  readonly values: (obj: Obj) => Record<string, string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
// Go's strconv.Itoa / FormatBool on fields that default to their zero value.
const int = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? String(Math.trunc(v)) : '0');
const bool = (v: unknown): string => (v === true ? 'true' : 'false');
const same = (...names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));

const table: Readonly<Record<string, ResourceFieldSpec>> = {
  pods: {
    namespaced: true,
    accepted: {
      ...same('metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName',
        'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs',
        'status.nominatedNodeName'),
      // upstream: "for backwards compatibility with old v1 clients which send spec.host"
      'spec.host': 'spec.nodeName',
    },
    values: (o) => {
      const spec = obj(o['spec']);
      const status = obj(o['status']);
      const podIPs = Array.isArray(status['podIPs']) ? status['podIPs'] : [];
      // upstream reads podIPs[0] (status.podIPs has no value of its own: it always reads as "").
      const podIP = podIPs.length > 0 ? str(obj(podIPs[0])['ip']) : str(status['podIP']);
      return {
        'spec.nodeName': str(spec['nodeName']),
        'spec.restartPolicy': str(spec['restartPolicy']),
        'spec.schedulerName': str(spec['schedulerName']),
        'spec.serviceAccountName': str(spec['serviceAccountName']),
        'spec.hostNetwork': bool(spec['hostNetwork']),
        'status.phase': str(status['phase']),
        'status.podIP': podIP,
        'status.nominatedNodeName': str(status['nominatedNodeName']),
      };
    },
  },
  nodes: {
    namespaced: false,
    accepted: same('metadata.name', 'spec.unschedulable'),
    values: (o) => ({ 'spec.unschedulable': bool(obj(o['spec'])['unschedulable']) }),
  },
  events: {
    namespaced: true,
    accepted: same('involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
      'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason',
      'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'),
    values: (o) => {
      const io = obj(o['involvedObject']);
      const reporting = str(o['reportingComponent']);
      // upstream: source falls back to the reporting controller when source.component is empty.
      const source = str(obj(o['source'])['component']) || reporting;
      return {
        'involvedObject.kind': str(io['kind']),
        'involvedObject.namespace': str(io['namespace']),
        'involvedObject.name': str(io['name']),
        'involvedObject.uid': str(io['uid']),
        'involvedObject.apiVersion': str(io['apiVersion']),
        'involvedObject.resourceVersion': str(io['resourceVersion']),
        'involvedObject.fieldPath': str(io['fieldPath']),
        reason: str(o['reason']),
        reportingComponent: reporting,
        source,
        type: str(o['type']),
      };
    },
  },
  namespaces: {
    namespaced: false,
    accepted: same('status.phase', 'metadata.name'),
    values: (o) => ({ 'status.phase': str(obj(o['status'])['phase']) }),
  },
  secrets: {
    namespaced: true,
    accepted: same('type', 'metadata.namespace', 'metadata.name'),
    values: (o) => ({ type: str(o['type']) }),
  },
  services: {
    namespaced: true,
    accepted: same('metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'),
    values: (o) => ({ 'spec.clusterIP': str(obj(o['spec'])['clusterIP']), 'spec.type': str(obj(o['spec'])['type']) }),
  },
  replicationcontrollers: {
    namespaced: true,
    accepted: same('metadata.name', 'metadata.namespace', 'status.replicas'),
    values: (o) => ({ 'status.replicas': int(obj(o['status'])['replicas']) }),
  },
  'jobs.batch': {
    namespaced: true,
    accepted: same('metadata.name', 'metadata.namespace', 'status.successful'),
    values: (o) => ({ 'status.successful': int(obj(o['status'])['succeeded']) }),
  },
};

const specFor = (resource: string): ResourceFieldSpec | undefined =>
  Object.prototype.hasOwnProperty.call(table, resource) ? table[resource] : undefined;

/** Cluster-scoped resources among those served by default conversion (no metadata.namespace field value). */
const clusterScoped = new Set([
  'nodes', 'namespaces', 'persistentvolumes', 'priorityclasses.scheduling.k8s.io', 'storageclasses.storage.k8s.io',
  'clusterroles.rbac.authorization.k8s.io', 'clusterrolebindings.rbac.authorization.k8s.io',
  'customresourcedefinitions.apiextensions.k8s.io', 'runtimeclasses.node.k8s.io', 'csinodes.storage.k8s.io',
  'certificatesigningrequests.certificates.k8s.io', 'apiservices.apiregistration.k8s.io',
]);

/** Field values an object offers to field selectors. `resource` is `pods`, `nodes`, `deployments.apps`, … */
export function selectableFields(resource: string, o: Obj): Record<string, string> {
  const spec = specFor(resource);
  const namespaced = spec ? spec.namespaced : !clusterScoped.has(resource);
  const meta: Record<string, string> = { 'metadata.name': o.metadata.name ?? '' };
  if (namespaced) meta['metadata.namespace'] = o.metadata.namespace ?? '';
  return { ...(spec ? spec.values(o) : {}), ...meta };
}

/**
 * Checks every field against what upstream accepts for the resource and rewrites legacy aliases
 * (`spec.host` → `spec.nodeName`), as the API server's Transform(ConvertFieldLabel) does. Throws SelectorError.
 */
export function convertFieldSelector(resource: string, sel: FieldSelector): FieldSelector {
  const spec = specFor(resource);
  const terms = sel.terms.map((t) => {
    if (!spec) {
      if (t.field === 'metadata.name' || t.field === 'metadata.namespace') return t;
      // upstream: DefaultMetaV1FieldSelectorConversion
      throw new SelectorError(`${JSON.stringify(t.field)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
    }
    const target = Object.prototype.hasOwnProperty.call(spec.accepted, t.field) ? spec.accepted[t.field] : undefined;
    if (target === undefined) {
      throw new SelectorError(`field label not supported: ${t.field}`);
    }
    return target === t.field ? t : { ...t, field: target };
  });
  return { terms };
}

/** Throws SelectorError (upstream's text) when a field is not selectable for the resource. */
export function checkFieldsSupported(resource: string, sel: FieldSelector): void {
  convertFieldSelector(resource, sel);
}
