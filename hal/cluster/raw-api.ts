// Lean requests for the writes a frame causes (annotate, label, cordon, taint, Events, delete): the
// generated client-node calls spend ~0.25 ms of CPU each turning JSON into model classes and back
// (measured against the twin: 425 µs vs 166 µs per PATCH), which on a busy 2-core rig is latency.
// These send the body as JSON text and parse only what the caller reads — over the same pooled
// keep-alive agent and the same authentication (KubeConfig.applyToHTTPSOptions: token, client
// certificate, exec and auth-provider plugins), with failures mapped by toClusterError as before.
// A user whose credentials are plain kubeconfig data (token, client certificate, basic) has them
// applied once, not per request: applyToHTTPSOptions decodes the CA and builds (then drops) an agent
// each time, ~0.1 ms of a frame's path on a cold core. Exec and auth-provider users, whose tokens
// expire, still go through it every time.
// upstream: client-go builds a rest.Config's transport once (k8s.io/client-go/transport/cache.go) and
// re-reads only what can rotate (exec credentials, tokenFile via CachedFileTokenSource).
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request, type RequestOptions } from 'node:https';
import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import { toClusterError } from './errors.ts';
import type { KeepAliveClients } from './keep-alive.ts';

export type RawMethod = 'GET' | 'PATCH' | 'POST' | 'DELETE';

export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';

export class RawApi {
  private readonly kc: KubeConfig;
  private readonly clients: KeepAliveClients;
  private readonly base: URL;
  /** The request options of a static user, built on first use. */
  private fixed: RequestOptions | undefined;

  constructor(kc: KubeConfig, clients: KeepAliveClients) {
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new Error('kubeconfig: the current context names no cluster');
    this.kc = kc;
    this.clients = clients;
    this.base = new URL(server);
  }

  /** Whether this path can serve the cluster: https without a proxy (anything else keeps client-node). */
  static usable(kc: KubeConfig): boolean {
    const c = kc.getCurrentCluster();
    return c !== null && c.server.startsWith('https:') && !c.proxyUrl;
  }

  /** The response body as text on 2xx; a ClusterError otherwise (`what` names the call, as in toClusterError). */
  async send(what: string, method: RawMethod, path: string, body?: { readonly json: string; readonly type: string }): Promise<string> {
    const opts = this.fixed ?? (await this.options(what));
    const basePath = this.base.pathname === '/' ? '' : this.base.pathname.replace(/\/$/, '');
    const headers: Record<string, string | number> = { ...(opts.headers as Record<string, string>), accept: 'application/json' };
    if (body) {
      headers['content-type'] = body.type;
      headers['content-length'] = Buffer.byteLength(body.json);
    }
    const res = await new Promise<{ status: number; text: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
      const req = request({ ...opts, hostname: this.base.hostname, port: this.base.port || 443, path: basePath + path, method, headers }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: r.headers }));
        r.on('error', reject);
      });
      req.on('error', reject);
      req.end(body?.json);
    }).catch((e: unknown) => {
      throw toClusterError(e, what);
    });
    if (res.status >= 200 && res.status < 300) return res.text;
    const h = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
    throw toClusterError(new ApiException(res.status, `HTTP ${res.status}`, res.text, h), what);
  }

  /**
   * The kubeconfig's authentication as request options, with the pooled agent in place of client-node's
   * one-shot one. The agent carries the TLS identity (CA, client certificate), so a static user's
   * options keep only it and the headers (and basic auth): a lighter request, the same connection.
   */
  private async options(what: string): Promise<RequestOptions> {
    const opts: RequestOptions = {};
    try {
      await this.kc.applyToHTTPSOptions(opts);
    } catch (e) {
      throw toClusterError(e, what);
    }
    if (typeof opts.agent === 'object') opts.agent = this.clients.pooled(opts.agent);
    const user = this.kc.getCurrentUser();
    if (user && !user.exec && !user.authProvider && opts.agent instanceof Agent) {
      this.fixed = { agent: opts.agent, headers: opts.headers ?? {}, ...(opts.auth ? { auth: opts.auth } : {}) };
    }
    return this.fixed ?? opts;
  }
}
