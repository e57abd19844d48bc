// The swagger 2.0 document (/openapi/v2), derived from the v3 documents of every served group-version.
// kubectl only falls back to it when /openapi/v3 fails; it asks for protobuf first, so see the report on
// what the twin answers there.

import { openApiV3Document, type GroupVersionDocument } from './document-v3.ts';
import type { JsonSchema } from './json-schema.ts';
import type { Parameter } from './parameters.ts';
import type { Operation, PathItem } from './paths.ts';
import { groupVersionPath, type ServedResource } from './served-resource.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Rewrites v3 refs to v2 ones and unwraps kube-openapi's `allOf: [{$ref}]` (swagger 2 keeps $ref siblings). */
function toV2Schema(node: unknown): Json {
  if (Array.isArray(node)) return node.map(toV2Schema);
  if (typeof node !== 'object' || node === null) return node as Json;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', '#/definitions/');
    else if (k === 'allOf' && Array.isArray(v) && v.length === 1) Object.assign(out, toV2Schema(v[0]));
    else if (k === 'oneOf' || k === 'nullable') continue; // not swagger 2.0
    else out[k] = toV2Schema(v);
  }
  return out;
}

function toV2Parameter(p: Parameter): Json {
  const { schema, ...rest } = p;
  return { ...rest, type: schema.type, uniqueItems: true } as Json;
}

function toV2Operation(op: Operation): Json {
  const { requestBody, responses, parameters, ...rest } = op;
  const params = (parameters ?? []).map(toV2Parameter);
  const consumes = requestBody === undefined ? ['*/*'] : Object.keys(requestBody.content);
  if (requestBody !== undefined) {
    const schema = Object.values(requestBody.content)[0]!.schema;
    params.unshift({ name: 'body', in: 'body', required: requestBody.required, schema: toV2Schema(schema) });
  }
  const v2Responses: { [k: string]: Json } = {};
  for (const [code, r] of Object.entries(responses)) {
    const schema = r.content === undefined ? undefined : Object.values(r.content)[0]?.schema;
    v2Responses[code] = schema === undefined ? { description: r.description } : { description: r.description, schema: toV2Schema(schema) };
  }
  return {
    ...(rest as unknown as { [k: string]: Json }),
    consumes,
    produces: ['application/json', 'application/yaml'],
    schemes: ['https'],
    ...(params.length > 0 ? { parameters: params } : {}),
    responses: v2Responses,
  };
}

function toV2PathItem(item: PathItem): Json {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(item)) {
    out[k] = k === 'parameters' ? (v as Parameter[]).map(toV2Parameter) : toV2Operation(v as Operation);
  }
  return out;
}

let cache: { key: string; doc: Json } | undefined;

/** The swagger 2.0 document for everything served (JSON form of what upstream serves at /openapi/v2). */
export function openApiV2(resources: readonly ServedResource[]): unknown {
  const key = JSON.stringify(resources);
  if (cache?.key === key) return cache.doc;
  const paths: { [k: string]: Json } = {};
  const definitions: { [k: string]: Json } = {};
  for (const gv of [...new Set(resources.map(groupVersionPath))].sort()) {
    const doc: GroupVersionDocument | undefined = openApiV3Document(gv, resources);
    if (doc === undefined) continue;
    for (const [p, item] of Object.entries(doc.paths)) paths[p] = toV2PathItem(item);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      definitions[name] = mergeGvk(definitions[name], toV2Schema(schema as JsonSchema));
    }
  }
  const doc: Json = {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : 1))),
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
  cache = { key, doc };
  return doc;
}

/** DeleteOptions appears in every group-version document with that document's GVK; v2 lists them all. */
function mergeGvk(prev: Json | undefined, next: Json): Json {
  const ext = 'x-kubernetes-group-version-kind';
  if (prev === undefined || typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  const a = (prev as { [k: string]: Json })[ext];
  const b = (next as { [k: string]: Json })[ext];
  if (!Array.isArray(a) || !Array.isArray(b)) return next;
  const all = [...a, ...b.filter((g) => !a.some((x) => JSON.stringify(x) === JSON.stringify(g)))];
  return { ...(next as { [k: string]: Json }), [ext]: all };
}
