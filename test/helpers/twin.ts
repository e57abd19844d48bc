// Starts a real twin over HTTPS for a test file, with client-node configured from its admin kubeconfig.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { RealClock, type Clock } from '../../sim/core/index.ts';
import { plainWorkers, startTwin, type NodeSpec, type Twin } from '../../sim/twin/index.ts';

export interface TestTwin {
  twin: Twin;
  kc: k8s.KubeConfig;
  viewerKc: k8s.KubeConfig;
  dir: string;
  adminPath: string;
  viewerPath: string;
  internalErrors: unknown[];
  stop(): Promise<void>;
}

export async function startTestTwin(opts: { nodes?: NodeSpec[]; clock?: Clock; historyLimit?: number } = {}): Promise<TestTwin> {
  const internalErrors: unknown[] = [];
  const twin = await startTwin({
    clock: opts.clock ?? new RealClock(),
    wallNow: new Date(),
    nodes: opts.nodes ?? plainWorkers(3),
    ...(opts.historyLimit ? { historyLimit: opts.historyLimit } : {}),
    onInternalError: (e) => internalErrors.push(e),
  });
  const dir = mkdtempSync(join(tmpdir(), 'kis-twin-'));
  const adminPath = join(dir, 'twin.kubeconfig');
  const viewerPath = join(dir, 'twin-viewer.kubeconfig');
  writeFileSync(adminPath, twin.kubeconfig('admin'));
  writeFileSync(viewerPath, twin.kubeconfig('viewer'));
  const kc = new k8s.KubeConfig();
  kc.loadFromString(twin.kubeconfig('admin'));
  const viewerKc = new k8s.KubeConfig();
  viewerKc.loadFromString(twin.kubeconfig('viewer'));
  return {
    twin,
    kc,
    viewerKc,
    dir,
    adminPath,
    viewerPath,
    internalErrors,
    async stop() {
      await twin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Raw HTTPS request to the twin (for malformed input that clients refuse to send). */
export async function rawRequest(
  t: TestTwin,
  method: string,
  path: string,
  opts: { body?: string | Buffer; contentType?: string; token?: string | null; accept?: string } = {},
): Promise<{ status: number; body: string; json: () => any; headers: Record<string, string | string[] | undefined> }> {
  const https = await import('node:https');
  const url = new URL(path, t.twin.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    const token = opts.token === undefined ? t.twin.tokens.admin : opts.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
    if (opts.accept) headers.Accept = opts.accept;
    if (opts.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(opts.body));
    const req = https.request(url, { method, headers, ca: t.twin.pki.caCertPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body), headers: res.headers });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Resolves when `predicate` holds, polling every 20 ms; rejects with `what` after `ms`. */
export async function eventually<T>(what: string, fn: () => Promise<T> | T, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
