// A small keep-alive HTTPS load generator: N requests in flight, latencies recorded per request.
import https from 'node:https';

export interface Target {
  url: string;
  ca: string;
  token: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export function agentFor(t: Target, sockets: number): https.Agent {
  return new https.Agent({ keepAlive: true, maxSockets: sockets, ca: t.ca });
}

export function request(
  t: Target,
  agent: https.Agent,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${t.token}`, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const req = https.request(`${t.url}${path}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Runs `make(i)` with `concurrency` requests in flight for `seconds` (bounded), recording latency. */
export async function load(
  t: Target,
  opts: { concurrency: number; seconds: number; maxRequests?: number },
  make: (i: number) => { method: string; path: string; body?: string; contentType?: string },
): Promise<LoadResult> {
  const agent = agentFor(t, opts.concurrency);
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const max = opts.maxRequests ?? Number.MAX_SAFE_INTEGER;
  async function worker() {
    while (performance.now() < deadline && issued < max) {
      const r = make(issued++);
      const t0 = performance.now();
      const res = await request(t, agent, r.method, r.path, r.body, r.contentType);
      latencies.push(performance.now() - t0);
      if (res.status >= 300) errors++;
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99) };
}
