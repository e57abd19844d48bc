// Serves /openapi/v3 (discovery root and one document per group-version) and /openapi/v2, cached per process.
// kubectl apply reads these to learn that the server validates fields itself (the fieldValidation parameter).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openApiV2, openApiV3Document, openApiV3Hash, openApiV3Root, type ServedResource as OpenApiResource } from '../openapi/index.ts';
import { RESOURCES } from './resources.ts';
import { sendText } from './respond.ts';

const served: OpenApiResource[] = RESOURCES.map((r) => ({
  group: r.group,
  version: r.version,
  kind: r.kind,
  plural: r.plural,
  namespaced: r.namespaced,
  verbs: r.verbs,
  subresources: Object.keys(r.subresources),
}));

const cache = new Map<string, { text: string; etag: string }>();

function cached(key: string, build: () => unknown): { text: string; etag: string } | undefined {
  let hit = cache.get(key);
  if (!hit) {
    const doc = build();
    if (doc === undefined) return undefined;
    hit = { text: JSON.stringify(doc), etag: `"${openApiV3Hash(doc)}"` };
    cache.set(key, hit);
  }
  return hit;
}

export function serveOpenApi(path: string, _query: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
  let doc: { text: string; etag: string } | undefined;
  if (path === '/openapi/v3' || path === '/openapi/v3/') doc = cached('v3', () => openApiV3Root(served));
  else if (path.startsWith('/openapi/v3/')) {
    const gv = path.slice('/openapi/v3/'.length);
    doc = cached(`v3:${gv}`, () => openApiV3Document(gv, served));
  } else if (path === '/openapi/v2') {
    // kubectl asks for v2 only as protobuf, and only when v3 fails; upstream answers 406 when JSON is not acceptable,
    // which kubectl reports clearly instead of failing to parse JSON as protobuf.
    const accept = req.headers.accept ?? '*/*';
    if (!accept.includes('application/json') && !accept.includes('*/*')) {
      res.writeHead(406, { 'Content-Type': 'text/plain' });
      res.end('406: Not Acceptable: only application/json is served for /openapi/v2\n');
      return;
    }
    doc = cached('v2', () => openApiV2(served));
  }
  if (!doc) return sendText(res, 404, '404 page not found\n');
  if (req.headers['if-none-match'] === doc.etag) {
    res.writeHead(304, { ETag: doc.etag });
    res.end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(doc.text),
    ETag: doc.etag,
    // upstream: hashed v3 documents are immutable and cacheable.
    'Cache-Control': path.startsWith('/openapi/v3/') ? 'public, immutable' : 'no-cache, private',
  });
  res.end(doc.text);
}
