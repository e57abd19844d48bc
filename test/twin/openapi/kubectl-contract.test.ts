// Replays, in TypeScript, the lookups kubectl 1.32 makes in our documents during `apply`:
// gvkSupportsPatchOpenAPIV3 (k8s.io/kubectl/pkg/cmd/apply/patcher.go) and strategicpatch.PatchMetaFromOpenAPIV3
// (k8s.io/apimachinery/pkg/util/strategicpatch/meta.go: allOf[0], then $ref, then properties).
import { describe, expect, it } from 'vitest';
import { groupVersionPath, openApiV3Document, type GroupVersionDocument, type JsonSchema } from '../../../sim/twin/openapi/index.ts';
import { SERVED } from './fixtures.ts';

function gvkSupportsPatch(doc: GroupVersionDocument, gvk: { group: string; version: string; kind: string }): boolean {
  for (const item of Object.values(doc.paths)) {
    const g = item.patch?.['x-kubernetes-group-version-kind'];
    if (g === undefined || g.group !== gvk.group || g.version !== gvk.version || g.kind !== gvk.kind) continue;
    return item.patch!.requestBody?.content['application/strategic-merge-patch+json'] !== undefined;
  }
  return false;
}

function resolve(doc: GroupVersionDocument, s: JsonSchema): JsonSchema {
  let out = s.allOf !== undefined && s.allOf.length > 0 ? s.allOf[0]! : s;
  if (out.$ref !== undefined) {
    const target = doc.components.schemas[out.$ref.replace('#/components/schemas/', '')];
    if (target === undefined) throw new Error(`unable to resolve ${out.$ref} in OpenAPI V3`);
    out = target;
  }
  return out;
}

/** The patch meta kubectl finds for the list at `path` below the kind's schema. */
function sliceMeta(doc: GroupVersionDocument, kindDef: string, path: string[]) {
  let s = doc.components.schemas[kindDef]!;
  let field: JsonSchema = s;
  for (const key of path) {
    const next = s.properties?.[key];
    if (next === undefined) throw new Error(`unable to find api field "${key}"`);
    field = next;
    s = next.type === 'array' && next.items !== undefined ? resolve(doc, next.items) : resolve(doc, next);
  }
  return { strategy: field['x-kubernetes-patch-strategy'], key: field['x-kubernetes-patch-merge-key'] };
}

describe('kubectl apply against our v3 documents', () => {
  it.each(SERVED.map((r) => [r.kind, r] as const))('%s: PATCH supports strategic merge for its GVK', (_k, r) => {
    const doc = openApiV3Document(groupVersionPath(r), SERVED)!;
    expect(gvkSupportsPatch(doc, r)).toBe(true);
  });

  it.each([
    ['apis/apps/v1', 'io.k8s.api.apps.v1.Deployment', ['spec', 'template', 'spec', 'containers'], 'merge', 'name'],
    ['apis/apps/v1', 'io.k8s.api.apps.v1.Deployment', ['spec', 'template', 'spec', 'containers', 'env'], 'merge', 'name'],
    ['apis/apps/v1', 'io.k8s.api.apps.v1.StatefulSet', ['spec', 'template', 'spec', 'volumes'], 'merge,retainKeys', 'name'],
    ['api/v1', 'io.k8s.api.core.v1.Pod', ['spec', 'containers', 'ports'], 'merge', 'containerPort'],
    ['api/v1', 'io.k8s.api.core.v1.Pod', ['metadata', 'finalizers'], 'merge', undefined],
    ['api/v1', 'io.k8s.api.core.v1.Node', ['spec', 'taints'], undefined, undefined],
  ] as const)('%s %s %j → %s/%s', (gv, def, path, strategy, key) => {
    const doc = openApiV3Document(gv, SERVED)!;
    expect(sliceMeta(doc, def, [...path])).toEqual({ strategy, key });
  });
});
