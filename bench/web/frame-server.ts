// Serves bench/web/frame-page.html with Vite (root: the repo, so the page reaches web/ and the golden
// fixtures) and opens it in a Chromium page; shared by the frame bench and the scene's browser test.
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import type { FrameBenchApi } from './frame-page.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface FramePageServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveFramePage(): Promise<FramePageServer> {
  const server: ViteDevServer = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('serveFramePage: Vite did not report its port');
  return { url: `http://127.0.0.1:${address.port}/bench/web/frame-page.html`, close: () => server.close() };
}

export type { FrameBenchApi };

/** Opens the page at `query` ("golden=falcon9-leo&t=200000", "nodes=1000&pods=30000") and waits until it has drawn. */
export async function openFramePage(browser: Browser, url: string, query: string, size = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}?${query}`);
  await page.waitForFunction(() => 'kisFrameBench' in window, undefined, { timeout: 120_000 });
  try {
    await page.evaluate(() => (window as unknown as { kisFrameBench: FrameBenchApi }).kisFrameBench.ready);
  } catch (e) {
    throw new Error(`frame page ${query}: ${String(e)} ${errors.join('; ')}`);
  }
  return page;
}

/**
 * Runs `fn(window.kisFrameBench, arg)` in the page. `fn` is sent as source text, so it may use only
 * its parameters (no closures over Node-side variables).
 */
export function onFramePage<T, A>(page: Page, fn: (api: FrameBenchApi, arg: A) => T | Promise<T>, arg: A): Promise<T> {
  return page.evaluate(
    ([src, a]) => {
      const api = (window as unknown as { kisFrameBench: FrameBenchApi }).kisFrameBench;
      return (new Function('api', 'arg', `return (${src})(api, arg)`) as (api: FrameBenchApi, arg: unknown) => T)(api, a);
    },
    [fn.toString(), arg] as const,
  ) as Promise<T>;
}
