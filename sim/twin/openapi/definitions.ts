// Upstream-shaped OpenAPI definitions (components.schemas / definitions) for a set of kinds and all they reference.

import { definitionName } from './definition-names.ts';
import { describe } from './descriptions.ts';
import type { GroupVersionKind, JsonSchema } from './json-schema.ts';
import { DEFINITION_EXTENSIONS, PROPERTY_EXTENSIONS } from './patch-extensions.ts';
import { moduleSchema } from './schema-source.ts';

/** v3 refs point into `#/components/schemas/`, v2 refs into `#/definitions/`. */
export type RefStyle = 'v3' | 'v2';

// Upstream publishes these as plain strings/objects with a format (kube-openapi's OpenAPIDefinition overrides,
// e.g. k8s.io/apimachinery/pkg/util/intstr IntOrString.OpenAPISchemaType); kubernetes-models compiled them as
// oneOf, which swagger 2.0 cannot express.
const UPSTREAM_SHAPES: Readonly<Record<string, JsonSchema>> = {
  IoK8sApimachineryPkgUtilIntstrIntOrString: { type: 'string', format: 'int-or-string' },
  IoK8sApimachineryPkgApiResourceQuantity: { type: 'string' },
  IoK8sApimachineryPkgApisMetaV1Time: { type: 'string', format: 'date-time' },
  IoK8sApimachineryPkgApisMetaV1MicroTime: { type: 'string', format: 'date-time' },
  IoK8sApimachineryPkgApisMetaV1FieldsV1: { type: 'object' },
  IoK8sApimachineryPkgApisMetaV1Patch: { type: 'object' },
  IoK8sApimachineryPkgRuntimeRawExtension: { type: 'object' },
};

function refTo(module: string, style: RefStyle): string {
  return `${style === 'v3' ? '#/components/schemas/' : '#/definitions/'}${definitionName(module)}`;
}

/** The group-version-kind a top-level kind's schema pins through its apiVersion/kind enums, if any. */
export function pinnedKind(schema: JsonSchema): GroupVersionKind | undefined {
  const apiVersion = schema.properties?.['apiVersion']?.enum;
  const kind = schema.properties?.['kind']?.enum;
  if (apiVersion?.length !== 1 || kind?.length !== 1) return undefined;
  const av = String(apiVersion[0]);
  const slash = av.indexOf('/');
  return { group: slash < 0 ? '' : av.slice(0, slash), version: av.slice(slash + 1), kind: String(kind[0]) };
}

interface RenderContext {
  style: RefStyle;
  refs: Set<string>;
}

function renderNode(node: JsonSchema, ctx: RenderContext, extra: JsonSchema = {}): JsonSchema {
  const { nullable: _nullable, $ref, properties, items, additionalProperties, oneOf, ...rest } = node;
  if ($ref !== undefined) {
    ctx.refs.add($ref);
    const ref = refTo($ref, ctx.style);
    if (Object.keys(extra).length === 0) return { $ref: ref };
    // upstream: OpenAPI 3 ignores $ref siblings, so kube-openapi wraps the ref in allOf (builder3); v2 keeps siblings.
    return ctx.style === 'v3' ? { ...extra, allOf: [{ $ref: ref }] } : { ...extra, $ref: ref };
  }
  const out: JsonSchema = { ...extra, ...rest };
  if (items !== undefined) out.items = renderNode(items, ctx);
  if (additionalProperties !== undefined) out.additionalProperties = renderNode(additionalProperties, ctx);
  if (oneOf !== undefined) out.oneOf = oneOf.map((s) => renderNode(s, ctx));
  if (properties !== undefined) out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, renderNode(v, ctx)]));
  return out;
}

function renderDefinition(module: string, ctx: RenderContext): JsonSchema {
  const raw = UPSTREAM_SHAPES[module] ?? moduleSchema(module);
  if (raw === undefined) throw new Error(`no schema for ${definitionName(module)} (module ${module}) in kubernetes-models`);
  const docs = describe(module);
  const { properties, ...top } = raw;
  const out = renderNode(top, ctx, docs.description === undefined ? {} : { description: docs.description });
  if (properties !== undefined) {
    const propExt = PROPERTY_EXTENSIONS[module] ?? {};
    out.properties = {};
    for (const [name, prop] of Object.entries(properties)) {
      // upstream publishes apiVersion and kind as free strings; the GVK extension carries the pinning.
      const unpinned = name === 'apiVersion' || name === 'kind' ? { type: 'string' } : prop;
      const description = docs.properties[name];
      const extra: JsonSchema = { ...(description === undefined ? {} : { description }), ...propExt[name] };
      out.properties[name] = renderNode(unpinned, ctx, extra);
    }
  }
  const gvk = pinnedKind(raw);
  if (gvk !== undefined) {
    out['x-kubernetes-group-version-kind'] = [gvk];
    // kubernetes-models marks apiVersion and kind required; upstream lets the URL supply them.
    const required = out.required?.filter((f) => f !== 'apiVersion' && f !== 'kind');
    if (required === undefined || required.length === 0) delete out.required;
    else out.required = required;
  }
  return { ...out, ...DEFINITION_EXTENSIONS[module] };
}

/**
 * The definitions for `roots` (kubernetes-models module names) and every definition they reach, keyed by upstream
 * name, in sorted order. Throws if a root is not installed.
 */
export function collectDefinitions(roots: Iterable<string>, style: RefStyle): Record<string, JsonSchema> {
  const ctx: RenderContext = { style, refs: new Set(roots) };
  const done = new Map<string, JsonSchema>();
  // ctx.refs grows while we walk it: Set iteration visits entries added during the loop.
  for (const module of ctx.refs) {
    if (!done.has(module)) done.set(module, renderDefinition(module, ctx));
  }
  const byName = [...done].map(([module, schema]) => [definitionName(module), schema] as const);
  return Object.fromEntries(byName.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
