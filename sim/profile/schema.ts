// The shipped JSON Schema (profiles/profile.schema.json), loaded once as the validator's source of truth.

import schemaJson from '../../profiles/profile.schema.json' with { type: 'json' };
import type { JsonSchema } from './json-schema.ts';

export const profileSchema: JsonSchema = schemaJson as JsonSchema;
