// Opening the web view for a CLI command: the build checked (or a given directory), the server started, its
// addresses printed; and the wait for Ctrl-C that ends a session.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LiveHub } from './hub.ts';
import { startWebServer, type WebServer } from './server.ts';
import { ensureWebBuild } from './web-build.ts';

export { waitForStop } from '../run/wait-for-stop.ts';

export interface ViewOptions {
  host?: string;
  port?: number;
  /** Serve this built app as it is (no build); default web/dist, built when stale. */
  webDir?: string;
  log: (line: string) => void;
}

/** Bad input the user can fix (port taken, no such web directory): the CLI prints it and exits 2. */
export class ViewError extends Error {}

export async function openView(hub: LiveHub, o: ViewOptions): Promise<WebServer> {
  let distDir: string;
  if (o.webDir !== undefined) {
    distDir = resolve(o.webDir);
    if (!existsSync(join(distDir, 'index.html'))) throw new ViewError(`--web ${o.webDir}: no index.html there (build the app with \`npm run build:web\`)`);
  } else {
    distDir = await ensureWebBuild(o.log);
  }
  try {
    return await startWebServer({ hub, distDir, ...(o.host !== undefined ? { host: o.host } : {}), ...(o.port !== undefined ? { port: o.port } : {}) });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new ViewError(`port ${o.port ?? 0} on ${o.host ?? '127.0.0.1'} is already in use; pick another with --port (0 chooses a free one)`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new ViewError(`cannot listen on ${o.host ?? ''}: ${err.message}`);
    throw e;
  }
}
