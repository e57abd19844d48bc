// Serves the built web app (web/dist): content types, an SPA fallback to index.html for app routes, and no
// path outside the root — an encoded "..", a backslash or a NUL is refused before the file system is asked.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ndjson': 'application/x-ndjson',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget = { readonly file: string } | { readonly status: 400 | 404; readonly reason: string };

/**
 * Maps a URL path to a file under `root` (pure). A path without an extension is an app route: index.html.
 * Refused: undecodable escapes, NUL, backslashes, and any segment that is "." or ".." after decoding.
 */
export function resolveStatic(root: string, urlPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, reason: 'bad escape in path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400, reason: 'bad path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { status: 400, reason: 'path traversal refused' };
  if (segments.length === 0 || extname(segments[segments.length - 1]!) === '') return { file: join(root, 'index.html') };
  const base = resolve(root);
  const file = resolve(base, ...segments);
  // Belt and braces: whatever the segments were, the file must be under the root.
  if (!file.startsWith(base + sep)) return { status: 400, reason: 'path traversal refused' };
  return { file };
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  // The raw path, not WHATWG URL's: that would quietly fold "/../x" into "/x", and a traversal attempt deserves a 400.
  const raw = (req.url ?? '/').split(/[?#]/, 1)[0]!;
  const target = resolveStatic(root, raw);
  if ('status' in target) {
    res.writeHead(target.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${target.reason}\n`);
    return;
  }
  const info = await stat(target.file).catch(() => undefined);
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  // Vite names assets by content hash: they never change; index.html must always be fetched anew.
  const immutable = target.file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': contentType(target.file),
    'content-length': info.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(target.file).pipe(res);
}
