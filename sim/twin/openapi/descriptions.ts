// Upstream's field descriptions, recovered from the JSDoc kubernetes-models generated into its .d.ts files
// (the compiled validators lost them); `kubectl explain` prints these.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { definitionName } from './definition-names.ts';

export interface Descriptions {
  description?: string;
  properties: Record<string, string>;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, Descriptions>();
const EMPTY: Descriptions = { properties: {} };

function packageRoot(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/** Candidate .d.ts paths for a definition: kubernetes-models lays files out by group directory and version. */
function candidates(name: string): string[] {
  const apimachinery = 'io.k8s.apimachinery.pkg.';
  if (name.startsWith(apimachinery)) {
    return [join(packageRoot('@kubernetes-models/apimachinery'), ...name.slice(apimachinery.length).split('.')) + '.d.ts'];
  }
  const m = /^io\.k8s\.api\.(\w+)\.(\w+)\.(\w+)$/.exec(name);
  if (m === null) return [];
  const [, pkg, version, kind] = m as unknown as [string, string, string, string];
  const root = packageRoot('kubernetes-models');
  const dirs = pkg === 'core' ? [''] : [pkg, `${pkg}.k8s.io`, `${pkg}.authorization.k8s.io`, `${pkg}.apiserver.k8s.io`];
  return dirs.map((d) => join(root, d, version, `${kind}.d.ts`));
}

function jsdocText(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim()
    .replace(/\*\\\//g, '*/');
}

/** Parses the first exported interface of a kubernetes-models .d.ts. */
export function parseDescriptions(dts: string): Descriptions {
  const start = dts.indexOf('export interface ');
  if (start < 0) return EMPTY;
  const end = dts.indexOf('export declare class', start);
  const head = /\/\*\*\n([\s\S]*?)\n\s*\*\/\s*$/.exec(dts.slice(0, start));
  const body = dts.slice(start, end < 0 ? undefined : end);
  const properties: Record<string, string> = {};
  for (const m of body.matchAll(/\/\*\*\n([\s\S]*?)\n\s*\*\/\n\s*"([^"]+)"\??:/g)) properties[m[2]!] = jsdocText(m[1]!);
  return head === null ? { properties } : { description: jsdocText(head[1]!), properties };
}

/** Descriptions for a kubernetes-models module; empty when its .d.ts cannot be found (descriptions are cosmetic). */
export function describe(module: string): Descriptions {
  let d = cache.get(module);
  if (d === undefined) {
    let name: string;
    try {
      name = definitionName(module);
    } catch {
      name = '';
    }
    const path = candidates(name).find((p) => existsSync(p));
    d = path === undefined ? EMPTY : parseDescriptions(readFileSync(path, 'utf8'));
    cache.set(module, d);
  }
  return d;
}
