// GET /api/journal: the journal the hub holds so far (a replay's whole file, a live run until now) in one
// NDJSON response, so a page loads its backlog with one request and one parse instead of thousands of socket
// messages; the /live socket then carries only what comes after (hal/signals/live.ts JOURNAL_PATH).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JOURNAL_COUNT_HEADER, JOURNAL_MODE_HEADER } from '../../hal/signals/index.ts';
import type { LiveHub } from './hub.ts';

export async function handleJournal(req: IncomingMessage, res: ServerResponse, hub: LiveHub): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    return;
  }
  const snapshot = hub.snapshot();
  if (!snapshot) {
    // A live run whose header is not written yet: the page falls back to the socket, which waits for it.
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('no journal yet: the run has not started\n');
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The count the body holds: the page resumes the socket from here (a live hub grows meanwhile).
    [JOURNAL_COUNT_HEADER]: String(snapshot.count),
    [JOURNAL_MODE_HEADER]: hub.mode,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.write(`${JSON.stringify(snapshot.header)}\n`);
  for (const chunk of snapshot.chunks) {
    if (res.destroyed) return;
    // Backpressure: a slow or vanished client holds one chunk in the socket, not the whole journal in memory.
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
