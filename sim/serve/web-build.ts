// Makes sure web/dist holds a build of the current web/ sources: builds it with Vite's build() API when it is
// missing or older than any source file, so `kis serve` never shows a stale page.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the app lives (the Vite root) and where its build goes. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');
const CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/** Newest modification time (ms) of the files under `dir`, skipping `skip` folders; 0 when there are none. */
export function newestMtime(dir: string, skip: ReadonlySet<string> = new Set()): number {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!skip.has(e.name)) newest = Math.max(newest, newestMtime(path, skip));
    } else if (e.isFile()) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Is the build missing, or older than a source? (index.html is written last by Vite.) */
export function webBuildStale(root = WEB_ROOT, dist = join(root, 'dist')): boolean {
  let built: number;
  try {
    built = statSync(join(dist, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(root, new Set(['dist', 'node_modules'])) > built;
}

/**
 * Builds web/dist when stale. Vite is a development dependency: without it an existing build is served as it
 * is, and a missing one is an error that says what to do.
 */
export async function ensureWebBuild(log: (line: string) => void = () => undefined): Promise<string> {
  if (!webBuildStale()) return WEB_DIST;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    if (statSafe(join(WEB_DIST, 'index.html'))) {
      log('kis: web/ sources are newer than web/dist, but Vite is not installed; serving the existing build');
      return WEB_DIST;
    }
    throw new Error('web/dist is missing and Vite is not installed to build it: run `npm install` then `npm run build:web`');
  }
  log('kis: building the web view (web/ → web/dist) …');
  await vite.build({ configFile: CONFIG, root: WEB_ROOT, logLevel: 'warn' });
  log('kis: web view built');
  return WEB_DIST;
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
