// Paths shared by the profile tests: the repository root, the sample profiles and the bad fixtures.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PROFILES_DIR = join(ROOT, 'profiles');
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures', 'profiles');

/** Repository-relative, so golden files do not depend on where the checkout lives. */
export function rel(path: string): string {
  return relative(ROOT, path);
}

export const SAMPLES = readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.yaml')).sort();
export const BAD_FIXTURES = readdirSync(FIXTURES_DIR).filter((f) => /^bad-.*\.yaml$/.test(f)).sort();
