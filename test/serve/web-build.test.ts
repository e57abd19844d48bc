// When `kis serve` rebuilds the web app: the build is missing, or a source file is newer than its index.html.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webBuildStale } from '../../sim/serve/index.ts';

const root = mkdtempSync(join(tmpdir(), 'kis-web-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('webBuildStale', () => {
  it('is stale without a build, fresh after one, stale again when a nested source changes', () => {
    mkdirSync(join(root, 'ui'));
    writeFileSync(join(root, 'index.html'), 'src');
    writeFileSync(join(root, 'ui', 'panel.ts'), 'x');
    at(join(root, 'index.html'), 1000);
    at(join(root, 'ui', 'panel.ts'), 1000);
    expect(webBuildStale(root)).toBe(true);
    mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), 'built');
    writeFileSync(join(root, 'dist', 'assets', 'a.js'), 'built');
    at(join(root, 'dist', 'assets', 'a.js'), 5000); // the build's own files never count
    at(join(root, 'dist', 'index.html'), 2000);
    expect(webBuildStale(root)).toBe(false);
    at(join(root, 'ui', 'panel.ts'), 3000);
    expect(webBuildStale(root)).toBe(true);
  });
});
