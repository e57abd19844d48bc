// A lean load generator for throughput figures: raw TLS sockets with HTTP/1.1 pipelining, like wrk.
// Node's own https client costs more CPU per request than the twin spends serving it, so on a 2-core
// machine it, not the server, would set the ceiling. Latency is measured per request (send → last byte).
import tls from 'node:tls';
import type { LoadResult, Target } from './http-load.ts';

export interface PipelinedOptions {
  connections: number;
  /** Requests in flight per connection. */
  depth: number;
  seconds: number;
}

export async function pipelinedLoad(
  t: Target,
  opts: PipelinedOptions,
  make: (i: number) => { method: string; path: string; body?: string; contentType?: string },
): Promise<LoadResult> {
  const url = new URL(t.url);
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;

  const encode = (i: number): Buffer => {
    const r = make(i);
    const body = r.body ?? '';
    let head = `${r.method} ${r.path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${t.token}\r\nAccept: application/json\r\n`;
    if (r.body !== undefined) head += `Content-Type: ${r.contentType ?? 'application/json'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
    return Buffer.from(`${head}\r\n${body}`);
  };

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const sent: number[] = [];
      let buf: Buffer = Buffer.alloc(0);
      const socket = tls.connect({ host: url.hostname, port: Number(url.port), ca: t.ca, servername: 'localhost' }, () => {
        for (let k = 0; k < opts.depth; k++) send();
      });
      const send = () => {
        if (performance.now() >= deadline) return;
        sent.push(performance.now());
        socket.write(encode(issued++));
      };
      socket.on('data', (chunk: Buffer) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        for (;;) {
          const headEnd = buf.indexOf('\r\n\r\n');
          if (headEnd < 0) return;
          const head = buf.subarray(0, headEnd).toString('latin1');
          const m = /content-length:\s*(\d+)/i.exec(head);
          const length = m ? Number(m[1]) : 0;
          if (buf.length < headEnd + 4 + length) return;
          const status = Number(head.slice(9, 12));
          if (status >= 300) errors++;
          buf = buf.subarray(headEnd + 4 + length);
          latencies.push(performance.now() - sent.shift()!);
          if (performance.now() < deadline) send();
          else if (sent.length === 0) socket.end();
        }
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });

  await Promise.all(Array.from({ length: opts.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99) };
}
