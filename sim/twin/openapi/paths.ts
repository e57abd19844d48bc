// OpenAPI 3 path items for one served resource: the operations upstream's apiserver installs for its verbs
// (k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers), with upstream's operationIds,
// x-kubernetes-action and x-kubernetes-group-version-kind.

import { groupVersionInfix, groupVersionTag } from './definition-names.ts';
import type { GroupVersionKind } from './json-schema.ts';
import { DELETE_COLLECTION_PARAMS, DELETE_PARAMS, LIST_PARAMS, PARAM, PATCH_PARAMS, WRITE_PARAMS, type Parameter } from './parameters.ts';
import { groupVersionPath, type ServedResource } from './served-resource.ts';

export interface Operation {
  description: string;
  operationId: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }>; required: boolean };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: GroupVersionKind;
}

export interface PathItem {
  parameters?: Parameter[];
  get?: Operation;
  put?: Operation;
  post?: Operation;
  patch?: Operation;
  delete?: Operation;
}

/** Definition names, without the `#/components/schemas/` prefix. */
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
export const STATUS = `${META}Status`;
export const DELETE_OPTIONS = `${META}DeleteOptions`;
export const WATCH_EVENT = `${META}WatchEvent`;
export const PATCH = `${META}Patch`;
export const API_RESOURCE_LIST = `${META}APIResourceList`;

// upstream: the patch content types the apiserver accepts (strategic merge only for built-in types).
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

const ref = (name: string) => ({ schema: { $ref: `#/components/schemas/${name}` } });
const ok = (name: string, description = 'OK') => ({ description, content: { 'application/json': ref(name) } });
const UNAUTHORIZED = { description: 'Unauthorized' };
const WATCH_CONTENT = { 'application/json': ref(WATCH_EVENT), 'application/json;stream=watch': ref(WATCH_EVENT) };

/** The definition name of a kind (for `$ref`s), e.g. ("apps","v1","Deployment") → io.k8s.api.apps.v1.Deployment. */
export type DefinitionOf = (gvk: GroupVersionKind) => string;

interface Target {
  gvk: GroupVersionKind;
  /** Kind plus subresource as upstream spells it in operationIds: "Pod", "PodStatus", "DeploymentScale". */
  opKind: string;
  /** "Namespaced" or "" (cluster-scoped). */
  scope: string;
  infix: string;
  tag: string;
  def: DefinitionOf;
}

function op(t: Target, verb: string, action: string, description: string, extra: Partial<Operation>): Operation {
  return {
    description,
    operationId: `${verb}${t.infix}${t.scope}${t.opKind}`,
    tags: [t.tag],
    ...extra,
    responses: { ...extra.responses, '401': UNAUTHORIZED },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': t.gvk,
  };
}

function body(t: Target) {
  return { content: { '*/*': ref(t.def(t.gvk)) }, required: true };
}

/** get / put / patch on an object or one of its same-kind subresources (status, scale, ephemeralcontainers). */
function objectOps(t: Target, verbs: ReadonlySet<string>, what: string): PathItem {
  const item: PathItem = {};
  const obj = t.def(t.gvk);
  if (verbs.has('get')) item.get = op(t, 'read', 'get', `read ${what}`, { responses: { '200': ok(obj) } });
  if (verbs.has('update')) {
    item.put = op(t, 'replace', 'put', `replace ${what}`, {
      parameters: [...WRITE_PARAMS],
      requestBody: body(t),
      responses: { '200': ok(obj), '201': ok(obj, 'Created') },
    });
  }
  if (verbs.has('patch')) {
    item.patch = op(t, 'patch', 'patch', `partially update ${what}`, {
      parameters: [...PATCH_PARAMS],
      requestBody: { content: Object.fromEntries(PATCH_TYPES.map((c) => [c, ref(PATCH)])), required: true },
      responses: { '200': ok(obj), '201': ok(obj, 'Created') },
    });
  }
  return item;
}

/** All path items for one resource, keyed by URL path template. */
export function resourcePaths(r: ServedResource, def: DefinitionOf): Record<string, PathItem> {
  const gvPrefix = `/${groupVersionPath(r)}`;
  const infix = groupVersionInfix(r.group, r.version);
  const tag = groupVersionTag(r.group, r.version);
  const scope = r.namespaced ? 'Namespaced' : '';
  const gvk = { group: r.group, version: r.version, kind: r.kind };
  const base: Target = { gvk, opKind: r.kind, scope, infix, tag, def };
  const verbs = new Set(r.verbs);
  const ns = r.namespaced ? `/namespaces/{namespace}` : '';
  const scopeParams = r.namespaced ? [PARAM.namespace] : [];
  const collection = `${gvPrefix}${ns}/${r.plural}`;
  const object = `${collection}/{name}`;
  const objectParams = [PARAM.name(r.kind), ...scopeParams, PARAM.pretty];
  const what = `the specified ${r.kind}`;
  const paths: Record<string, PathItem> = {};

  const coll: PathItem = { parameters: [...scopeParams, PARAM.pretty] };
  const list = def({ ...gvk, kind: `${r.kind}List` });
  if (verbs.has('list')) {
    coll.get = op(base, 'list', 'list', `list or watch objects of kind ${r.kind}`, {
      parameters: [...LIST_PARAMS],
      responses: { '200': { description: 'OK', content: { 'application/json': ref(list), 'application/json;stream=watch': ref(list) } } },
    });
  }
  if (verbs.has('create')) {
    const obj = def(gvk);
    coll.post = op(base, 'create', 'post', `create a ${r.kind}`, {
      parameters: [...WRITE_PARAMS],
      requestBody: body(base),
      responses: { '200': ok(obj), '201': ok(obj, 'Created'), '202': ok(obj, 'Accepted') },
    });
  }
  if (verbs.has('deletecollection')) {
    coll.delete = op({ ...base, infix: `${infix}Collection` }, 'delete', 'deletecollection', `delete collection of ${r.kind}`, {
      parameters: [...DELETE_COLLECTION_PARAMS],
      requestBody: { content: { '*/*': ref(DELETE_OPTIONS) }, required: true },
      responses: { '200': ok(STATUS) },
    });
  }
  if (coll.get ?? coll.post ?? coll.delete) paths[collection] = coll;

  const item: PathItem = { parameters: objectParams, ...objectOps(base, verbs, what) };
  if (verbs.has('delete')) {
    // upstream: pods, nodes and namespaces return the deleted object; most registries return a Status.
    const deleted = r.group === '' && ['Pod', 'Namespace', 'Node'].includes(r.kind) ? def(gvk) : STATUS;
    item.delete = op(base, 'delete', 'delete', `delete a ${r.kind}`, {
      parameters: [...DELETE_PARAMS],
      requestBody: { content: { '*/*': ref(DELETE_OPTIONS) }, required: false },
      responses: { '200': ok(deleted), '202': ok(deleted, 'Accepted') },
    });
  }
  if (item.get ?? item.put ?? item.patch ?? item.delete) paths[object] = item;

  if (verbs.has('list') && r.namespaced) {
    paths[`${gvPrefix}/${r.plural}`] = {
      parameters: [...LIST_PARAMS, PARAM.pretty],
      get: op({ ...base, scope: '', opKind: `${r.kind}ForAllNamespaces` }, 'list', 'list', `list or watch objects of kind ${r.kind}`, {
        responses: { '200': ok(list) },
      }),
    };
  }
  if (verbs.has('watch')) addWatchPaths(paths, r, base, gvPrefix, ns, scopeParams);

  for (const sub of r.subresources) addSubresource(paths, sub, r, base, object, objectParams, verbs);
  return paths;
}

function addWatchPaths(
  paths: Record<string, PathItem>,
  r: ServedResource,
  base: Target,
  gvPrefix: string,
  ns: string,
  scopeParams: Parameter[],
): void {
  // upstream: the deprecated /watch/ prefix endpoints are still published (installer.go, "WATCH" and "WATCHLIST").
  const watchList = `${gvPrefix}/watch${ns}/${r.plural}`;
  const watchOne = `${watchList}/{name}`;
  const listParams = [...LIST_PARAMS];
  const watch = (t: Target, action: string, description: string): Operation =>
    op(t, 'watch', action, description, { responses: { '200': { description: 'OK', content: WATCH_CONTENT } } });
  paths[watchList] = {
    parameters: [...listParams, ...scopeParams, PARAM.pretty],
    get: watch({ ...base, opKind: `${r.kind}List` }, 'watchlist', `watch individual changes to a list of ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead.`),
  };
  paths[watchOne] = {
    parameters: [...listParams, PARAM.name(r.kind), ...scopeParams, PARAM.pretty],
    get: watch(base, 'watch', `watch changes to an object of kind ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`),
  };
  if (r.namespaced) {
    paths[`${gvPrefix}/watch/${r.plural}`] = {
      parameters: [...listParams, PARAM.pretty],
      get: watch({ ...base, scope: '', opKind: `${r.kind}ListForAllNamespaces` }, 'watchlist', `watch individual changes to a list of ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead.`),
    };
  }
}

function addSubresource(
  paths: Record<string, PathItem>,
  sub: string,
  r: ServedResource,
  base: Target,
  object: string,
  objectParams: Parameter[],
  verbs: ReadonlySet<string>,
): void {
  const path = `${object}/${sub}`;
  const opKind = `${r.kind}${sub.charAt(0).toUpperCase()}${sub.slice(1)}`;
  const parameters = objectParams.map((p) => (p.name === 'name' ? PARAM.name(sub === 'scale' ? 'Scale' : r.kind) : p));
  if (sub === 'status' || sub === 'ephemeralcontainers' || sub === 'resize') {
    const ops = objectOps({ ...base, opKind: sub === 'status' ? `${r.kind}Status` : opKind }, verbs, `${sub} of the specified ${r.kind}`);
    paths[path] = { parameters, ...ops };
  } else if (sub === 'scale') {
    // upstream: scale subresources speak autoscaling/v1 Scale whatever the parent's group.
    const scale = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
    paths[path] = { parameters, ...objectOps({ ...base, opKind, gvk: scale }, verbs, `scale of the specified ${r.kind}`) };
  } else if (sub === 'eviction' || sub === 'binding') {
    const gvk = sub === 'eviction' ? { group: 'policy', version: 'v1', kind: 'Eviction' } : { group: '', version: 'v1', kind: 'Binding' };
    const obj = base.def(gvk);
    const t = { ...base, gvk, opKind };
    paths[path] = {
      parameters: objectParams.map((p) => (p.name === 'name' ? PARAM.name(gvk.kind) : p)),
      post: op(t, 'create', 'post', `create ${sub} of a ${r.kind}`, {
        parameters: [...WRITE_PARAMS],
        requestBody: body(t),
        responses: { '200': ok(obj), '201': ok(obj, 'Created'), '202': ok(obj, 'Accepted') },
      }),
    };
  } else if (sub === 'log') {
    paths[path] = {
      parameters,
      get: op({ ...base, opKind }, 'read', 'get', `read log of the specified ${r.kind}`, {
        responses: { '200': { description: 'OK', content: { 'text/plain': { schema: { type: 'string' } } } } },
      }),
    };
  }
}
