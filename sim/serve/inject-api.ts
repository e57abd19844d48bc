// POST /api/inject for scripts: `Authorization: Bearer <instructor token>` and a signal as the JSON body.
// 401 without a token, 403 with a wrong one, 202 with the signal as journalled, 400/409/413 otherwise.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InjectableSignal } from '../../hal/signals/index.ts';
import type { LiveHub } from './hub.ts';
import { bearerToken, tokenMatches } from './token.ts';

export const INJECT_PATH = '/api/inject';
const MAX_BODY = 64 * 1024;

export async function handleInject(req: IncomingMessage, res: ServerResponse, hub: LiveHub, token: string): Promise<void> {
  const reply = (status: number, body: object, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(`${JSON.stringify(body)}\n`);
  };
  if (req.method !== 'POST') return reply(405, { error: 'use POST' }, { allow: 'POST' });
  const given = bearerToken(req.headers.authorization);
  // upstream: RFC 6750 §3 — no credentials: 401 with a challenge; wrong ones: still not allowed.
  if (given === undefined) return reply(401, { error: 'instructor token required: Authorization: Bearer <token>' }, { 'www-authenticate': 'Bearer realm="kis"' });
  if (!tokenMatches(given, token)) return reply(403, { error: 'wrong instructor token' });
  const body = await readBody(req, MAX_BODY);
  if (body === undefined) return reply(413, { error: `body over ${MAX_BODY} bytes` });
  let signal: unknown;
  try {
    signal = JSON.parse(body);
  } catch {
    return reply(400, { error: 'body is not JSON: send a signal such as {"type":"separation","plane":"s1","state":"separated"}' });
  }
  if (typeof signal !== 'object' || signal === null || Array.isArray(signal)) return reply(400, { error: 'body must be a JSON object (a signal)' });
  const r = hub.inject(signal as InjectableSignal, 'instructor');
  return r.ok ? reply(202, { signal: r.signal }) : reply(r.status, { error: r.reason });
}

/** The body as text, or undefined once it passes `limit` bytes (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
