// Each bad fixture yields exactly its golden `file:line:col: message` lines (UPDATE_GOLDEN=1 rewrites them).

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatErrors, loadProfile, parseProfile, ProfileLoadError } from '../../sim/profile/index.ts';
import { BAD_FIXTURES, FIXTURES_DIR, rel } from './paths.ts';

describe('bad profiles: golden error lists', () => {
  it('has bad fixtures', () => {
    expect(BAD_FIXTURES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(BAD_FIXTURES)('%s', (name) => {
    const path = join(FIXTURES_DIR, name);
    const goldenPath = path.replace(/\.yaml$/, '.errors.txt');
    const { profile, errors } = parseProfile(readFileSync(path, 'utf8'), rel(path));
    expect(profile).toBeUndefined();
    const actual = `${formatErrors(errors)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath, actual);
    expect(existsSync(goldenPath), `missing ${rel(goldenPath)}; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
  });

  it('loadProfile throws a ProfileLoadError listing every error', () => {
    const path = join(FIXTURES_DIR, 'bad-references.yaml');
    let caught: unknown;
    try {
      loadProfile(path);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProfileLoadError);
    const err = caught as ProfileLoadError;
    expect(err.errors.length).toBeGreaterThan(10);
    expect(err.message.split('\n')).toHaveLength(err.errors.length);
    expect(err.message).toMatch(/^.*bad-references\.yaml:\d+:\d+: /);
  });

  it('a missing file is one error at 1:1', () => {
    expect(() => loadProfile('/nonexistent/x.yaml')).toThrow('/nonexistent/x.yaml:1:1: cannot read the profile: no such file');
  });
});
