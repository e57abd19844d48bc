// The twin's API server: HTTPS, bearer-token auth, discovery, OpenAPI and the resource handlers.
// Every request holds the clock so lockstep time never jumps while a request is in flight.
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../core/clock.ts';
import { Authenticator, authorize, type TokenTable } from './auth.ts';
import { apiGroupDoc, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.ts';
import { ApiError, errors } from './errors.ts';
import { handleResource } from './handlers.ts';
import type { ActiveWatches } from './watch.ts';
import { serveOpenApi } from './openapi-routes.ts';
import type { Registry } from './registry.ts';
import { parseRequestInfo } from './request-info.ts';
import { findResource } from './resources.ts';
import { sendError, sendJson, sendText } from './respond.ts';

export interface ApiServerOptions {
  registry: Registry;
  clock: Clock;
  tokens: TokenTable;
  tls: { certPem: string; keyPem: string };
  host?: string;
  port?: number;
  /** Called with unexpected errors (bugs); the request still gets a 500 Status. */
  onInternalError?: (err: unknown, req: IncomingMessage) => void;
}

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Requests served, for status lines and benchmarks. */
  requestCount(): number;
  /** Cuts every open connection, watches included, as a dropped link or a crashed apiserver would. */
  dropConnections(): void;
  /** Ends every open watch cleanly, as upstream's watch timeout does; clients resume from their last resourceVersion. */
  endWatches(): void;
  /** Open watch streams. */
  watchCount(): number;
}

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version']);

export async function startApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  const auth = new Authenticator(opts.tokens);
  let served = 0;
  const watches: ActiveWatches = new Set();
  const server = https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem, keepAliveTimeout: 65_000 }, (req, res) => {
    served++;
    const release = opts.clock.hold('api-request');
    let released = false;
    const done = () => {
      if (!released) {
        released = true;
        release();
      }
    };
    res.on('finish', done);
    res.on('close', done);
    handle(req, res).then(
      () => {
        // A watch stays open: it must not hold the clock for its whole life.
        if (res.headersSent && !res.writableEnded) done();
      },
      (err) => {
        if (!(err instanceof ApiError)) {
          opts.onInternalError?.(err, req);
          err = errors.internal(err instanceof Error ? err.message : String(err));
        }
        sendError(res, err as ApiError);
      },
    );
  });
  // Long watches and slow clients must not be cut by Node's default request timeout.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;

  const address = `${opts.host ?? '127.0.0.1'}`;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
    const method = req.method ?? 'GET';

    if (PUBLIC_PATHS.has(path)) {
      if (path === '/version') return sendJson(res, 200, versionInfo());
      return sendText(res, 200, 'ok');
    }
    const who = auth.authenticate(req.headers.authorization);
    if (path.startsWith('/openapi/')) return serveOpenApi(path, query, req, res);
    const info = parseRequestInfo(method, path, query.get('watch'));
    if (!info) throw errors.methodNotAllowed();
    if (!info.isResourceRequest) {
      if (method !== 'GET') throw errors.methodNotAllowed();
      const d = info.discovery;
      if (!d) return sendText(res, 404, '404 page not found\n');
      const doc = d.legacy
        ? d.version === undefined
          ? apiVersions(`${address}:${port}`)
          : apiResourceList('', d.version)
        : d.group === undefined
          ? apiGroupList()
          : d.version === undefined
            ? apiGroupDoc(d.group)
            : apiResourceList(d.group, d.version);
      if (!doc) return sendText(res, 404, '404 page not found\n');
      return sendJson(res, 200, doc);
    }
    const resource = findResource(info.group, info.version, info.resource);
    if (!resource) throw errors.notFoundPath();
    authorize(who, info);
    await handleResource({ registry: opts.registry, clock: opts.clock, watches }, info, resource, query, req, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = (opts.host ?? '127.0.0.1').includes(':') ? `[${opts.host}]` : (opts.host ?? '127.0.0.1');
  return {
    url: `https://${hostForUrl === '0.0.0.0' ? '127.0.0.1' : hostForUrl}:${port}`,
    port,
    requestCount: () => served,
    dropConnections: () => server.closeAllConnections(),
    endWatches: () => {
      for (const w of [...watches]) w.end();
    },
    watchCount: () => watches.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
