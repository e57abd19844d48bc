// The shipped JSON Schema: closed objects everywhere, documented fields, resolvable references.

import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../sim/profile/index.ts';
import type { JsonSchema } from '../../sim/profile/json-schema.ts';

/** Every object schema in the document, with a readable location. */
function objects(schema: JsonSchema, where: string, out: Array<[string, JsonSchema]>): Array<[string, JsonSchema]> {
  if (schema.properties) out.push([where, schema]);
  for (const [k, s] of Object.entries(schema.properties ?? {})) objects(s, `${where}.${k}`, out);
  if (schema.items) objects(schema.items, `${where}[]`, out);
  (schema.oneOf ?? []).forEach((s, i) => objects(s, `${where}|${i}`, out));
  return out;
}

const defs = Object.entries(profileSchema.$defs ?? {});
const all = [['root', profileSchema] as [string, JsonSchema], ...defs.map(([k, s]) => [k, s] as [string, JsonSchema])]
  .flatMap(([k, s]) => objects(s, k, []));

describe('profile.schema.json', () => {
  it('uses draft 2020-12', () => {
    expect((profileSchema as { $schema?: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(all.map(([w, s]) => [w, s] as const))('%s is closed (additionalProperties: false)', (_where, schema) => {
    expect(schema.additionalProperties).toBe(false);
  });

  it('every $ref resolves', () => {
    const refs = JSON.stringify(profileSchema).match(/"\$ref":"#\/\$defs\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(profileSchema.$defs).toHaveProperty(r.slice(16, -1));
  });

  it('top-level sections carry descriptions for editors', () => {
    for (const key of ['duration', 'priorityClasses', 'workloads', 'timeline', 'expectations']) {
      expect(profileSchema.properties?.[key]?.description, key).toBeTruthy();
    }
    for (const key of ['vehicle', 'cluster', 'node', 'stage', 'ascent']) {
      const d = profileSchema.$defs?.[key];
      expect(d?.description ?? Object.values(d?.properties ?? {})[0]?.description, key).toBeTruthy();
    }
  });
});
