// The /openapi/v3 root and per-group-version documents: what kubectl's QueryParamVerifierV3 and client-side apply need.
import { describe, expect, it } from 'vitest';
import {
  groupVersionPath,
  openApiV3Document,
  openApiV3Hash,
  openApiV3Root,
  type GroupVersionDocument,
  type ServedResource,
} from '../../../sim/twin/openapi/index.ts';
import { SERVED } from './fixtures.ts';

const doc = (gv: string): GroupVersionDocument => {
  const d = openApiV3Document(gv, SERVED);
  if (d === undefined) throw new Error(`no document for ${gv}`);
  return d;
};
const GVS = ['api/v1', 'apis/apps/v1', 'apis/coordination.k8s.io/v1', 'apis/policy/v1', 'apis/scheduling.k8s.io/v1'];
const schemaName = (r: ServedResource): string =>
  `${r.group === '' ? 'io.k8s.api.core' : `io.k8s.api.${r.group.split('.')[0]}`}.${r.version}.${r.kind}`;

describe('openApiV3Root', () => {
  it('lists every served group-version with a hash-pinned URL', () => {
    const root = openApiV3Root(SERVED);
    expect(Object.keys(root.paths).sort()).toEqual(GVS);
    for (const gv of GVS) {
      expect(root.paths[gv]!.serverRelativeURL).toBe(`/openapi/v3/${gv}?hash=${openApiV3Hash(doc(gv))}`);
    }
  });

  it('has no entry for a group-version nothing is served in', () => {
    expect(openApiV3Document('apis/batch/v1', SERVED)).toBeUndefined();
  });
});

describe('openApiV3Hash', () => {
  it('is upstream computeETag: 128 upper-case hex digits, stable, content-sensitive', () => {
    const a = openApiV3Hash({ a: 1 });
    expect(a).toMatch(/^[0-9A-F]{128}$/);
    expect(openApiV3Hash({ a: 1 })).toBe(a);
    expect(openApiV3Hash({ a: 2 })).not.toBe(a);
  });

  it('documents are built once per process', () => {
    expect(openApiV3Document('apis/apps/v1', SERVED)).toBe(openApiV3Document('apis/apps/v1', [...SERVED]));
  });
});

// kubectl: k8s.io/cli-runtime/pkg/resource/query_param_verifier_v3.go supportsQueryParamV3 — the first PATCH
// operation carrying the GVK must list the parameter.
function patchOps(d: GroupVersionDocument, kind: string) {
  return Object.entries(d.paths).flatMap(([path, item]) =>
    item.patch?.['x-kubernetes-group-version-kind']?.kind === kind ? [{ path, op: item.patch }] : [],
  );
}

describe.each(SERVED.map((r) => [`${r.plural}.${r.group || 'core'}`, r] as const))('%s', (_name, r) => {
  const d = doc(groupVersionPath(r));
  const collection = `/${groupVersionPath(r)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;

  it('has fieldValidation, dryRun and fieldManager on POST, PUT and PATCH', () => {
    const ops = [d.paths[collection]?.post, d.paths[`${collection}/{name}`]?.put, d.paths[`${collection}/{name}`]?.patch];
    for (const op of ops) {
      expect(op).toBeDefined();
      const names = op!.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['dryRun', 'fieldManager', 'fieldValidation']));
    }
  });

  it('every PATCH carrying the kind lists fieldValidation (kubectl stops at the first it finds)', () => {
    const ops = patchOps(d, r.kind);
    expect(ops.length).toBeGreaterThan(0);
    for (const { op } of ops) expect(op.parameters!.some((p) => p.name === 'fieldValidation' && p.in === 'query')).toBe(true);
  });

  it('PATCH accepts strategic merge patch, so client-side apply uses the v3 patch metadata', () => {
    const patch = d.paths[`${collection}/{name}`]!.patch!;
    expect(Object.keys(patch.requestBody!.content)).toContain('application/strategic-merge-patch+json');
  });

  it('components hold the kind and its list with their group-version-kind', () => {
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    expect(d.components.schemas[schemaName(r)]?.['x-kubernetes-group-version-kind']).toEqual([gvk]);
    expect(d.components.schemas[`${schemaName(r)}List`]?.['x-kubernetes-group-version-kind']).toEqual([{ ...gvk, kind: `${r.kind}List` }]);
  });

  it('uses upstream operationIds', () => {
    const infix = d.paths[collection]!.post!.operationId;
    expect(infix).toMatch(new RegExp(`^create[A-Za-z]+V1${r.namespaced ? 'Namespaced' : ''}${r.kind}$`));
  });
});

describe('api/v1 document', () => {
  const d = doc('api/v1');

  it.each([
    ['/api/v1/namespaces/{namespace}/pods/{name}/eviction', 'post', { group: 'policy', version: 'v1', kind: 'Eviction' }, 'createCoreV1NamespacedPodEviction'],
    ['/api/v1/namespaces/{namespace}/pods/{name}/binding', 'post', { group: '', version: 'v1', kind: 'Binding' }, 'createCoreV1NamespacedPodBinding'],
    ['/api/v1/namespaces/{namespace}/pods/{name}/status', 'patch', { group: '', version: 'v1', kind: 'Pod' }, 'patchCoreV1NamespacedPodStatus'],
    ['/api/v1/pods', 'get', { group: '', version: 'v1', kind: 'Pod' }, 'listCoreV1PodForAllNamespaces'],
    ['/api/v1/watch/namespaces/{namespace}/pods', 'get', { group: '', version: 'v1', kind: 'Pod' }, 'watchCoreV1NamespacedPodList'],
    ['/api/v1/nodes/{name}', 'delete', { group: '', version: 'v1', kind: 'Node' }, 'deleteCoreV1Node'],
    ['/api/v1/namespaces/{namespace}/pods', 'delete', { group: '', version: 'v1', kind: 'Pod' }, 'deleteCoreV1CollectionNamespacedPod'],
  ] as const)('%s %s speaks %j as %s', (path, method, gvk, operationId) => {
    const op = d.paths[path]?.[method];
    expect(op?.['x-kubernetes-group-version-kind']).toEqual(gvk);
    expect(op?.operationId).toBe(operationId);
  });

  it('carries the Eviction and Binding schemas the subresources reference', () => {
    expect(d.components.schemas['io.k8s.api.policy.v1.Eviction']).toBeDefined();
    expect(d.components.schemas['io.k8s.api.core.v1.Binding']).toBeDefined();
  });

  it('namespaces have no deletecollection because they do not serve that verb', () => {
    expect(d.paths['/api/v1/namespaces']?.delete).toBeUndefined();
    expect(d.paths['/api/v1/namespaces']?.post).toBeDefined();
  });
});

describe('patch metadata added back (kubectl strategicpatch.PatchMetaFromOpenAPIV3)', () => {
  const core = doc('api/v1').components.schemas;
  const apps = doc('apis/apps/v1').components.schemas;
  it.each([
    [core, 'io.k8s.api.core.v1.PodSpec', 'containers', 'merge', 'name'],
    [core, 'io.k8s.api.core.v1.PodSpec', 'volumes', 'merge,retainKeys', 'name'],
    [core, 'io.k8s.api.core.v1.Container', 'env', 'merge', 'name'],
    [core, 'io.k8s.api.core.v1.Container', 'ports', 'merge', 'containerPort'],
    [core, 'io.k8s.api.core.v1.Container', 'volumeMounts', 'merge', 'mountPath'],
    [core, 'io.k8s.api.core.v1.NodeStatus', 'conditions', 'merge', 'type'],
    [core, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ownerReferences', 'merge', 'uid'],
    [apps, 'io.k8s.api.apps.v1.DeploymentStatus', 'conditions', 'merge', 'type'],
    [apps, 'io.k8s.api.apps.v1.DeploymentSpec', 'strategy', 'retainKeys', undefined],
  ] as const)('%#: %s.%s is %s by %s', (schemas, def, prop, strategy, mergeKey) => {
    const p = schemas[def]!.properties![prop]!;
    expect(p['x-kubernetes-patch-strategy']).toBe(strategy);
    expect(p['x-kubernetes-patch-merge-key']).toBe(mergeKey);
  });

  it('wraps a $ref that has siblings in allOf, as kube-openapi does for OpenAPI 3', () => {
    const strategy = apps['io.k8s.api.apps.v1.DeploymentSpec']!.properties!['strategy']!;
    expect(strategy.allOf).toEqual([{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy' }]);
    expect(strategy.$ref).toBeUndefined();
  });
});

describe('schema hygiene', () => {
  it.each(GVS)('%s: every $ref resolves inside the document', (gv) => {
    const d = doc(gv);
    const refs = JSON.stringify(d).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(d.components.schemas[name], ref).toBeDefined();
    }
  });

  it('kinds do not require apiVersion/kind and carry no nullable (upstream shapes)', () => {
    const d = doc('apis/apps/v1');
    expect(d.components.schemas['io.k8s.api.apps.v1.Deployment']!.required).toBeUndefined();
    expect(JSON.stringify(d)).not.toContain('"nullable"');
  });

  it('IntOrString and Quantity are strings as upstream publishes them', () => {
    const s = doc('api/v1').components.schemas;
    expect(s['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(s['io.k8s.apimachinery.pkg.api.resource.Quantity']).toMatchObject({ type: 'string' });
  });

  it('carries upstream descriptions (kubectl explain prints them)', () => {
    const d = doc('apis/apps/v1').components.schemas['io.k8s.api.apps.v1.Deployment']!;
    expect(d.description).toBe('Deployment enables declarative updates for Pods and ReplicaSets.');
  });
});

describe('kinds kubernetes-models does not know', () => {
  const custom: ServedResource[] = [
    { group: 'kis.dev', version: 'v1', kind: 'Vehicle', plural: 'vehicles', namespaced: false, verbs: ['get', 'patch', 'create', 'update'], subresources: [] },
  ];
  const d = openApiV3Document('apis/kis.dev/v1', custom)!;
  it('get an open schema named like a CRD and no strategic merge patch', () => {
    expect(d.components.schemas['dev.kis.v1.Vehicle']).toMatchObject({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    const patch = d.paths['/apis/kis.dev/v1/vehicles/{name}']!.patch!;
    expect(Object.keys(patch.requestBody!.content)).not.toContain('application/strategic-merge-patch+json');
    expect(patch.parameters!.map((p) => p.name)).toContain('fieldValidation');
  });
});
