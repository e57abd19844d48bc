// Test helper: builds the web view once into a temp dir and serves it with a journal and a scripted
// live socket (hal/signals/live.ts protocol), so the page can be driven in real Chromium.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LiveClientMessage, LiveServerMessage } from '../../../hal/signals/index.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ndjson': 'application/x-ndjson' };

/** Builds web/ into a fresh temp dir (never web/dist: other work may be using it). */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'kis-web-'));
  await build({ root: resolve('web'), logLevel: 'error', build: { outDir, emptyOutDir: true }, configFile: false });
  return outDir;
}

export interface LiveConnection {
  readonly token: string | undefined;
  readonly received: LiveClientMessage[];
  send(msg: LiveServerMessage): void;
  close(): void;
}

export interface PageServer {
  readonly url: string;
  readonly connections: LiveConnection[];
  onConnection(fn: (c: LiveConnection) => void): void;
  close(): Promise<void>;
}

/** Serves `dist`, `/journal.ndjson` from `journalPath`, and a WebSocket at /live run by the test. */
export async function servePage(dist: string, journalPath: string): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path === '/journal.ndjson' ? journalPath : join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) && file !== journalPath) return void res.writeHead(403).end();
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  const wss = new WebSocketServer({ server, path: '/live' });
  const connections: LiveConnection[] = [];
  let handler: (c: LiveConnection) => void = () => {};
  wss.on('connection', (ws: WebSocket, req) => {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? undefined;
    const c: LiveConnection = { token, received: [], send: (m) => ws.send(JSON.stringify(m)), close: () => ws.close() };
    ws.on('message', (data) => c.received.push(JSON.parse(String(data)) as LiveClientMessage));
    connections.push(c);
    handler(c);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    onConnection: (fn) => (handler = fn),
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
