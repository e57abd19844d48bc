// The web server of `kis serve`, `kis replay` and `kis run --serve`: the built web app, the /live WebSocket
// fed by a LiveHub, GET /api/journal (the backlog in one response) and POST /api/inject. The instructor is
// whoever holds the token printed at start.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { JOURNAL_PATH, LIVE_PATH } from '../../hal/signals/index.ts';
import type { LiveHub } from './hub.ts';
import { handleInject, INJECT_PATH } from './inject-api.ts';
import { handleJournal } from './journal-api.ts';
import { serveStatic } from './static-files.ts';
import { newToken, tokenMatches } from './token.ts';

export interface WebServerOptions {
  hub: LiveHub;
  /** The built web app (web/dist): see ensureWebBuild. */
  distDir: string;
  /** Default 127.0.0.1: a training room that wants trainees on other machines says --host 0.0.0.0. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default: a fresh random 128-bit token. */
  instructorToken?: string;
}

export interface WebServer {
  /** The trainee's (read-only) address. */
  readonly url: string;
  /** The instructor's address: `url` with `?token=…`. */
  readonly instructorUrl: string;
  readonly instructorToken: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Largest message a browser may send on /live (an inject is a few hundred bytes). */
const MAX_CLIENT_MESSAGE = 64 * 1024;

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const token = o.instructorToken ?? newToken();
  const host = o.host ?? '127.0.0.1';
  const server = createServer((req, res) => void route(req, res).catch((e: unknown) => fail(res, e)));
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === INJECT_PATH) return handleInject(req, res, o.hub, token);
    if (path === JOURNAL_PATH) return handleJournal(req, res, o.hub);
    return serveStatic(o.distDir, req, res);
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== LIVE_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // A wrong or missing token makes a trainee: the view works, injections are refused with the reason.
    const role = tokenMatches(url.searchParams.get('token'), token) ? 'instructor' : 'trainee';
    const from = Number(url.searchParams.get('from') ?? 0);
    wss.handleUpgrade(req, socket, head, (ws) => o.hub.attach(ws, role, from));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}/`;
  return {
    url,
    instructorUrl: `${url}?token=${token}`,
    instructorToken: token,
    port,
    close: async () => {
      o.hub.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function fail(res: ServerResponse, e: unknown): void {
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
}
