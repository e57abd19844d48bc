// Strict field validation (fieldValidation=Strict|Warn): the fields of a body the kind's schema does not know,
// and the fields a JSON body repeats, in upstream's wording.
// upstream: sigs.k8s.io/json UnmarshalStrict via k8s.io/apimachinery/pkg/runtime/serializer/json — errors read
// `unknown field "spec.foo"` / `duplicate field "metadata.name"`; the apiserver answers Strict with
// 400 `strict decoding error: <errors joined by ", ">` and Warn with one Warning header per error.

import { kindSchema, schemaByDefinition, type JsonSchema } from '../openapi/index.ts';
import { findDuplicateKeys } from './json-duplicates.ts';
import { isRecord } from './shape.ts';

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref !== undefined && hops < 8; hops++) s = schemaByDefinition(s.$ref);
  return s;
}

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

function walk(value: unknown, schema: JsonSchema | undefined, path: string, out: string[]): void {
  const s = resolve(schema);
  if (s === undefined || value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (s.items !== undefined) value.forEach((v, i) => walk(v, s.items, `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(value)) return;
  if (s.properties !== undefined) {
    for (const [k, v] of Object.entries(value)) {
      const prop = s.properties[k];
      if (prop === undefined) out.push(`unknown field ${JSON.stringify(join(path, k))}`);
      else walk(v, prop, join(path, k), out);
    }
  } else if (s.additionalProperties !== undefined) {
    for (const [k, v] of Object.entries(value)) walk(v, s.additionalProperties, `${path}[${k}]`, out);
  }
  // An object schema with neither (RawExtension, FieldsV1, JSON) is free-form: anything goes.
}

/**
 * Unknown fields of `obj` for the kind, as upstream's strict decoder names them (`unknown field "spec.foo"`).
 * Pass the raw JSON text instead of the parsed object to also get `duplicate field "…"` errors, which parsing
 * erases. Returns [] for kinds kubernetes-models does not know (they are treated as schemaless, like a CRD
 * with x-kubernetes-preserve-unknown-fields).
 */
export function unknownFields(kind: string, group: string, version: string, obj: unknown): string[] {
  const out: string[] = [];
  let value = obj;
  if (typeof obj === 'string') {
    const { duplicates, value: parsed } = findDuplicateKeys(obj);
    out.push(...duplicates.map((d) => `duplicate field ${JSON.stringify(d)}`));
    value = parsed;
  }
  const schema = kindSchema(group, version, kind);
  if (schema !== undefined) walk(value, schema, '', out);
  return out;
}
