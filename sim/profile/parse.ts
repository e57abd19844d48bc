// parseProfile / loadProfile: YAML text → every error with its position, or a typed Profile.

import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { buildProfile } from './build.ts';
import { CheckContext } from './check-context.ts';
import { checkTimelineAndExpectations } from './check-timeline.ts';
import { checkVehicle } from './check-vehicle.ts';
import { checkWorkloads } from './check-workloads.ts';
import { ProfileLoadError, sortErrors, type ProfileError } from './errors.ts';
import { SchemaWalker } from './json-schema.ts';
import { makeLocator } from './locate.ts';
import { collectNames } from './names.ts';
import { issueMessage, type Issue } from './path.ts';
import { rec } from './raw.ts';
import { profileSchema } from './schema.ts';
import type { Profile } from './types.ts';

const walker = new SchemaWalker(profileSchema);

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Parses and validates a profile without touching the file system. Returns the typed Profile
 * when there are no errors; otherwise every error found (YAML syntax, schema, then references
 * and consistency), sorted by position. Never throws.
 */
export function parseProfile(text: string, file: string): { profile?: Profile; errors: ProfileError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): { line: number; col: number } => lines.linePos(offset);
  const yamlErrors = [...doc.errors, ...doc.warnings].map((e): ProfileError => ({
    file, ...at(e.pos[0]), message: `YAML: ${firstLine(e.message)}`,
  }));
  // A document with syntax errors has no trustworthy structure; more checks would only add noise.
  if (yamlErrors.length > 0) return { errors: sortErrors(yamlErrors) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { errors: [{ file, line: 1, col: 1, message: `YAML: ${firstLine(e instanceof Error ? e.message : String(e))}` }] };
  }
  if (value === null || value === undefined) {
    return { errors: [{ file, line: 1, col: 1, message: 'the file is empty; expected a FlightProfile (apiVersion: kis.dev/v1, kind: FlightProfile, metadata, vehicle, …)' }] };
  }
  const issues: Issue[] = walker.validate(value);
  const root = rec(value);
  if (root) {
    const ctx = new CheckContext(collectNames(root));
    checkVehicle(ctx, root);
    checkWorkloads(ctx, root);
    checkTimelineAndExpectations(ctx, root);
    issues.push(...ctx.issues);
  }
  const locate = makeLocator(doc, lines);
  const errors = sortErrors(issues.map((i) => ({ file, ...locate(i), message: issueMessage(i) })));
  if (errors.length > 0 || !root) return { errors };
  return { profile: buildProfile(root), errors: [] };
}

/** Reads and parses a profile; throws ProfileLoadError listing every error (an unreadable file is one). */
export function loadProfile(path: string): Profile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    throw new ProfileLoadError([{ file: path, line: 1, col: 1, message: `cannot read the profile: ${reason}` }]);
  }
  const { profile, errors } = parseProfile(text, path);
  if (!profile) throw new ProfileLoadError(errors);
  return profile;
}
