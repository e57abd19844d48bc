// Untrusted input: whatever the text, parseProfile returns errors and never throws.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfile, parseProfile, ProfileLoadError } from '../../sim/profile/index.ts';
import { PROFILES_DIR } from './paths.ts';

const FALCON = readFileSync(join(PROFILES_DIR, 'falcon9-leo.yaml'), 'utf8');

/** YAML-ish fragments: keys of the format, indentation, flow syntax, anchors, odd scalars. */
const token = fc.constantFrom(
  'apiVersion: kis.dev/v1\n', 'kind: FlightProfile\n', 'metadata:\n', '  name: x\n', 'vehicle:\n', '  stages:\n',
  '    - name: s1\n', '      nodes:\n', '        - { count: 3, namePrefix: n }\n', 'timeline:\n', '  - { at: T+1s, event: separation, stage: s1 }\n',
  'expectations:\n', '  - { name: a, type: quorumHeld, after: x }\n', 'workloads:\n', '  - { name: w, kind: DaemonSet, replicas: 1 }\n',
  '- ', ': ', '{', '}', '[', ']', ',', '&a ', '*a ', '!!str ', '!tag ', '<<: *a\n', '"', "'", '#', '\t', '\n', '  ', '~', 'null', '1e999',
  '__proto__: {}\n', 'constructor: 1\n', 'T+', '0x1F', '---\n', '...\n', '? ', '|\n', '>-\n', '%YAML 1.2\n',
);

function neverThrows(text: string): void {
  const result = parseProfile(text, 'fuzz.yaml');
  expect(Array.isArray(result.errors)).toBe(true);
  if (result.profile === undefined) expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.col).toBeGreaterThanOrEqual(1);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('parseProfile on hostile input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), neverThrows), { numRuns: 300 });
  });

  it('never throws on YAML-ish token soup', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }).map((t) => t.join('')), neverThrows), { numRuns: 500 });
  });

  it('never throws on a real profile with a slice cut out or a line duplicated', () => {
    const lines = FALCON.split('\n');
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(8), fc.boolean(), (start, len, dup) => {
        const copy = [...lines];
        if (dup) copy.splice(start, 0, copy[start] ?? '');
        else copy.splice(start, len);
        neverThrows(copy.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON values (JSON is YAML)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => neverThrows(JSON.stringify(v) ?? 'null')), { numRuns: 300 });
  });

  it('loadProfile only ever throws ProfileLoadError', () => {
    expect(() => loadProfile(PROFILES_DIR)).toThrow(ProfileLoadError);
  });
});
