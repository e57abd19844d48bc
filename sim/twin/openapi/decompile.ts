// Recovers a JSON schema from one of kubernetes-models' precompiled (Ajv "standalone") validator modules.
//
// Why: kubernetes-models 5.x no longer ships the upstream JSON schemas, only the code Ajv generated from
// them (`_schemas/*.js`). That code is regular: one function per sub-schema, each emitting errors with the
// keyword and its parameter (`keyword:"type",params:{type:"integer"}`), properties checked by calling the
// property's function, `$ref`s as imports of the other module. Reading those back gives the type,
// format, enum, required, properties, items, additionalProperties, oneOf and nullable of every definition.
// What Ajv never saw (descriptions, x-kubernetes-* extensions) is added back elsewhere.

import type { JsonSchema } from './json-schema.ts';

const FUNCTION_HEAD = /function (validate\d+)\(data,\{instancePath="",parentData,parentDataProperty,rootData=data\}=\{\}\)\{/g;
const IMPORT = /import\{validate as (validate\d+)\}from"([^"]+)"/g;
const ENUM_DECL = /let (schema\d+_enum)=/g;
const PROPERTY_CALL =
  /(validate\d+)\(data(?:\.[\w$]+|\["[^"]*"\]),\{instancePath:instancePath\+"\/[^"]*",parentData:data,parentDataProperty:"([^"]*)"/g;
const SELF_CALL = /(validate\d+)\(data,\{instancePath,parentData,parentDataProperty,rootData\}\)/g;

/** Index just past the bracket that closes the one at `open`, skipping string literals. */
function closeBracket(text: string, open: number): number {
  const opener = text[open];
  const closer = opener === '{' ? '}' : ']';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced ${opener} at ${open}`);
}

function moduleName(importPath: string): string {
  const base = importPath.slice(importPath.lastIndexOf('/') + 1);
  return base.endsWith('.js') ? base.slice(0, -3) : base;
}

/**
 * Decompiles the module text. `$ref`s in the result name the referenced module (e.g. "IoK8sApiCoreV1PodSpec").
 * Throws if the module has no exported validator.
 */
export function decompileValidator(source: string): JsonSchema {
  const imports = new Map<string, string>();
  for (const m of source.matchAll(IMPORT)) imports.set(m[1]!, moduleName(m[2]!));
  const enums = new Map<string, unknown[]>();
  for (const m of source.matchAll(ENUM_DECL)) {
    const start = m.index + m[0].length;
    enums.set(m[1]!, JSON.parse(source.slice(start, closeBracket(source, start))) as unknown[]);
  }
  const bodies = new Map<string, string>();
  for (const m of source.matchAll(FUNCTION_HEAD)) {
    const open = m.index + m[0].length - 1;
    bodies.set(m[1]!, source.slice(open + 1, closeBracket(source, open) - 1));
  }
  const root = /export const validate=(validate\d+)/.exec(source)?.[1];
  if (root === undefined) throw new Error('not a kubernetes-models validator module: no exported validate');

  const memo = new Map<string, JsonSchema>();
  const schemaOf = (fn: string): JsonSchema => {
    const imported = imports.get(fn);
    if (imported !== undefined) return { $ref: imported };
    const cached = memo.get(fn);
    if (cached !== undefined) return cached;
    const body = bodies.get(fn);
    if (body === undefined) throw new Error(`validator ${fn} is neither defined nor imported`);
    const schema = schemaOfBody(body, enums, schemaOf);
    memo.set(fn, schema);
    return schema;
  };
  return schemaOf(root);
}

function schemaOfBody(
  body: string,
  enums: ReadonlyMap<string, unknown[]>,
  schemaOf: (fn: string) => JsonSchema,
): JsonSchema {
  const s: JsonSchema = {};
  const type = /keyword:"type",params:\{type:"(\w+)"\}/.exec(body)?.[1];
  if (type !== undefined) s.type = type;
  const format = /keyword:"format",params:\{format:"([^"]+)"\}/.exec(body)?.[1];
  if (format !== undefined) s.format = format;
  const enumName = /keyword:"enum",params:\{allowedValues:(schema\d+_enum)\}/.exec(body)?.[1];
  if (enumName !== undefined) s.enum = enums.get(enumName) ?? [];
  const required = [...body.matchAll(/params:\{missingProperty:"([^"]+)"\}/g)].map((m) => m[1]!);
  if (required.length > 0) s.required = required;
  for (const m of body.matchAll(PROPERTY_CALL)) (s.properties ??= {})[m[2]!] = schemaOf(m[1]!);
  const items = /(validate\d+)\(data\[i0\]/.exec(body)?.[1];
  if (items !== undefined) s.items = schemaOf(items);
  const values = /(validate\d+)\(data\[key0\]/.exec(body)?.[1];
  if (values !== undefined) s.additionalProperties = schemaOf(values);
  // kubernetes-models marks optional fields nullable: the type check (or the $ref call) lets null through.
  if (body.includes('null!==data')) s.nullable = true;
  const delegates = [...body.matchAll(SELF_CALL)].map((m) => m[1]!);
  if (body.includes('keyword:"oneOf"')) s.oneOf = delegates.map(schemaOf);
  else if (delegates.length === 1) return { ...schemaOf(delegates[0]!), ...s };
  return s;
}
