// Reads kubernetes-models' compiled validators from node_modules on first use and caches their decompiled schemas.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decompileValidator } from './decompile.ts';
import type { JsonSchema } from './json-schema.ts';

const require = createRequire(import.meta.url);

// kubernetes-models' generator lost properties literally named "description" (it took them for the JSON-schema
// keyword); upstream has them, so strict field validation would wrongly call them unknown.
const LOST_PROPERTIES: Readonly<Record<string, Record<string, JsonSchema>>> = {
  IoK8sApiSchedulingV1PriorityClass: { description: { type: 'string' } },
  IoK8sApiSchedulingV1beta1PriorityClass: { description: { type: 'string' } },
};
let schemaDirs: string[] | undefined;
const cache = new Map<string, JsonSchema | null>();

function dirs(): string[] {
  schemaDirs ??= ['kubernetes-models', '@kubernetes-models/apimachinery'].map((pkg) =>
    join(dirname(require.resolve(`${pkg}/package.json`)), '_schemas'),
  );
  return schemaDirs;
}

/** Where a module's compiled validator lives, or undefined if neither package has it. */
export function modulePath(module: string): string | undefined {
  // apimachinery types live in their own package; everything else in kubernetes-models.
  const ordered = module.startsWith('IoK8sApimachinery') ? [...dirs()].reverse() : dirs();
  for (const dir of ordered) {
    const path = join(dir, `${module}.js`);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** The decompiled schema of a module ("IoK8sApiAppsV1Deployment"), or undefined if no such module is installed. */
export function moduleSchema(module: string): JsonSchema | undefined {
  if (!/^[A-Za-z0-9]+$/.test(module)) return undefined;
  let schema = cache.get(module);
  if (schema === undefined) {
    const path = modulePath(module);
    schema = path === undefined ? null : decompileValidator(readFileSync(path, 'utf8'));
    const lost = LOST_PROPERTIES[module];
    if (schema !== null && lost !== undefined) schema.properties = { ...schema.properties, ...lost };
    cache.set(module, schema);
  }
  return schema ?? undefined;
}
