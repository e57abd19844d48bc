// Schema lookups for server-side use (strict field validation): a kind's decompiled schema and its references.

import { kindModule } from './definition-names.ts';
import type { JsonSchema } from './json-schema.ts';
import { moduleSchema } from './schema-source.ts';

/**
 * The raw schema of a kind ("apps", "v1", "Deployment"), with `$ref`s naming other modules — resolve them with
 * `schemaByDefinition`. Undefined if kubernetes-models has no such kind.
 */
export function kindSchema(group: string, version: string, kind: string): JsonSchema | undefined {
  return moduleSchema(kindModule(group, version, kind));
}

/** The raw schema a `$ref` from `kindSchema` points at (a kubernetes-models module name). */
export function schemaByDefinition(ref: string): JsonSchema | undefined {
  return moduleSchema(ref);
}
