// parseWiring / loadWiring: YAML text → every error as file:line:col, or a typed Wiring.
// The same machinery as sim/profile (schema walker, YAML position locator, error format).
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { formatErrors, type ProfileError } from '../../sim/profile/index.ts';
import { SchemaWalker, makeLocator, issueMessage, type JsonSchema } from '../../sim/profile/index.ts';
import schemaJson from './wiring.schema.json' with { type: 'json' };
import { buildWiring } from './build.ts';
import type { Wiring } from './types.ts';

/** A wiring problem at a 1-based position; the same shape (and `kis validate` format) as a profile's. */
export type WiringError = ProfileError;

export const wiringSchema: JsonSchema = schemaJson as JsonSchema;
const walker = new SchemaWalker(wiringSchema);

export class WiringLoadError extends Error {
  readonly errors: WiringError[];
  constructor(errors: readonly WiringError[]) {
    super(formatErrors(errors));
    this.name = 'WiringLoadError';
    this.errors = [...errors];
  }
}

function sorted(errors: WiringError[]): WiringError[] {
  return errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.line - b.e.line || a.e.col - b.e.col || a.i - b.i).map(({ e }) => e);
}

/** Never throws: the Wiring, or every error found (YAML, then schema, then semantic), by position. */
export function parseWiring(text: string, file: string): { wiring?: Wiring; errors: WiringError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const yamlErrors = [...doc.errors, ...doc.warnings].map((e): WiringError => ({
    file, ...lines.linePos(e.pos[0]), message: `YAML: ${e.message.split('\n')[0] ?? e.message}`,
  }));
  if (yamlErrors.length > 0) return { errors: sorted(yamlErrors) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { errors: [{ file, line: 1, col: 1, message: `YAML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (value === null || value === undefined) {
    return { errors: [{ file, line: 1, col: 1, message: 'the file is empty; expected a Wiring (apiVersion: kis.dev/v1, kind: Wiring, vehicle, …)' }] };
  }
  const issues = walker.validate(value);
  const locate = makeLocator(doc, lines);
  // Semantic checks only on a schema-valid document: on a broken one they would repeat its errors.
  if (issues.length === 0 && typeof value === 'object' && !Array.isArray(value)) {
    const built = buildWiring(value as Record<string, unknown>);
    if (built.wiring) return { wiring: built.wiring, errors: [] };
    issues.push(...built.issues);
  }
  return { errors: sorted(issues.map((i) => ({ file, ...locate(i), message: issueMessage(i) }))) };
}

/** Reads and parses a wiring file; throws WiringLoadError listing every error. */
export function loadWiring(path: string): Wiring {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    throw new WiringLoadError([{ file: path, line: 1, col: 1, message: `cannot read the wiring file: ${reason}` }]);
  }
  const { wiring, errors } = parseWiring(text, path);
  if (!wiring) throw new WiringLoadError(errors);
  return wiring;
}
