// The /openapi/v3 discovery root and the per-group-version OpenAPI 3 documents, built once and cached.
// upstream: k8s.io/kube-openapi/pkg/handler3 (root: {"paths": {"<gv>": {"serverRelativeURL": "/openapi/v3/<gv>?hash=<etag>"}}}).

import { createHash } from 'node:crypto';
import { definitionName, groupVersionInfix, groupVersionTag, kindModule } from './definition-names.ts';
import { collectDefinitions } from './definitions.ts';
import type { GroupVersionKind, JsonSchema } from './json-schema.ts';
import { API_RESOURCE_LIST, resourcePaths, type PathItem } from './paths.ts';
import { moduleSchema } from './schema-source.ts';
import { groupVersionPath, type ServedResource } from './served-resource.ts';

const META_MODULES = ['Status', 'DeleteOptions', 'WatchEvent', 'Patch', 'APIResourceList'].map(
  (k) => `IoK8sApimachineryPkgApisMetaV1${k}`,
);

export interface GroupVersionDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

/** Definition name used for a kind kubernetes-models does not know (as upstream names CRD schemas: reversed group). */
function customDefinitionName(gvk: GroupVersionKind): string {
  return [...gvk.group.split('.').reverse(), gvk.version, gvk.kind].join('.');
}

const docCache = new Map<string, GroupVersionDocument | null>();

/**
 * Builds the document for one group-version from the served resources. Kinds kubernetes-models lacks get an
 * open object schema (like a CRD without validation) and no strategic-merge patch, as upstream does for CRDs.
 */
export function buildGroupVersionDocument(gvPath: string, resources: readonly ServedResource[]): GroupVersionDocument | undefined {
  const served = resources.filter((r) => groupVersionPath(r) === gvPath);
  if (served.length === 0) return undefined;
  const roots = new Set(META_MODULES);
  const custom: Record<string, JsonSchema> = {};
  const def = (gvk: GroupVersionKind): string => {
    const module = kindModule(gvk.group, gvk.version, gvk.kind);
    if (moduleSchema(module) !== undefined) {
      roots.add(module);
      return definitionName(module);
    }
    const name = customDefinitionName(gvk);
    custom[name] = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, 'x-kubernetes-group-version-kind': [gvk] };
    return name;
  };
  const { group, version } = served[0]!;
  const infix = groupVersionInfix(group, version);
  const paths: Record<string, PathItem> = {
    [`/${gvPath}/`]: {
      get: {
        description: 'get available resources',
        operationId: `get${infix}APIResources`,
        tags: [groupVersionTag(group, version)],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${API_RESOURCE_LIST}` } } } },
          '401': { description: 'Unauthorized' },
        },
      },
    },
  };
  for (const r of served) {
    const rp = resourcePaths(r, def);
    if (moduleSchema(kindModule(r.group, r.version, r.kind)) === undefined) dropStrategicMerge(rp);
    Object.assign(paths, rp);
  }
  const schemas = { ...collectDefinitions(roots, 'v3'), ...custom };
  const deleteOptions = schemas['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions'];
  if (deleteOptions !== undefined) {
    // upstream lists every group-version that accepts DeleteOptions; this document's own is the one clients look up.
    deleteOptions['x-kubernetes-group-version-kind'] = [{ group, version, kind: 'DeleteOptions' }];
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
  };
}

function dropStrategicMerge(paths: Record<string, PathItem>): void {
  for (const item of Object.values(paths)) delete item.patch?.requestBody?.content['application/strategic-merge-patch+json'];
}

/** The cached document for a group-version path ("api/v1", "apis/apps/v1"), or undefined if nothing is served there. */
export function openApiV3Document(gvPath: string, resources: readonly ServedResource[]): GroupVersionDocument | undefined {
  const key = `${gvPath}\n${JSON.stringify(resources.filter((r) => groupVersionPath(r) === gvPath))}`;
  let doc = docCache.get(key);
  if (doc === undefined) {
    doc = buildGroupVersionDocument(gvPath, resources) ?? null;
    docCache.set(key, doc);
  }
  return doc ?? undefined;
}

const hashCache = new WeakMap<object, string>();

/** The bytes to serve for a document: its hash is computed over exactly these. */
export function openApiBytes(doc: unknown): string {
  return JSON.stringify(doc);
}

/** upstream: kube-openapi handler3 computeETag — uppercase hex SHA-512 of the served JSON bytes. */
export function openApiV3Hash(doc: unknown): string {
  const cached = typeof doc === 'object' && doc !== null ? hashCache.get(doc) : undefined;
  if (cached !== undefined) return cached;
  const hash = createHash('sha512').update(openApiBytes(doc)).digest('hex').toUpperCase();
  if (typeof doc === 'object' && doc !== null) hashCache.set(doc, hash);
  return hash;
}

export interface OpenApiV3Root {
  paths: Record<string, { serverRelativeURL: string }>;
}

/** The /openapi/v3 discovery document: one entry per served group-version, each URL pinned to its content hash. */
export function openApiV3Root(resources: readonly ServedResource[]): OpenApiV3Root {
  const gvPaths = [...new Set(resources.map(groupVersionPath))].sort();
  const paths: OpenApiV3Root['paths'] = {};
  for (const gv of gvPaths) {
    const doc = openApiV3Document(gv, resources);
    if (doc !== undefined) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${openApiV3Hash(doc)}` };
  }
  return { paths };
}
