// Dispatches one resource request (verb × resource × subresource) to the registry and encodes the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/clock.ts';
import type { KubeObject } from '../store/index.ts';
import { toTable, type IncludeObject } from '../tables/index.ts';
import { decodeJson, decodeObjectBody, readBody } from './body.ts';
import { deleteCollection, deleteObject, type DeleteOptions } from './deletion.ts';
import { errors, successStatus } from './errors.ts';
import { patchTypeOf } from './patching.ts';
import type { FieldValidation, Registry, WriteOptions } from './registry.ts';
import type { ResourceRequest } from './request-info.ts';
import { groupVersion, type ServedResource } from './resources.ts';
import { bindPod } from './subresources/binding.ts';
import { evictPod } from './subresources/eviction.ts';
import { getScale, patchScale, updateScale } from './subresources/scale.ts';
import { serveWatch, type ActiveWatches } from './watch.ts';
import { sendJson, sendJsonText } from './respond.ts';
import { listJson, objectJson } from './json-cache.ts';

export interface HandlerContext {
  registry: Registry;
  clock: Clock;
  watches: ActiveWatches;
}

export async function handleResource(
  ctx: HandlerContext,
  info: ResourceRequest,
  res: ServedResource,
  query: URLSearchParams,
  req: IncomingMessage,
  out: ServerResponse,
): Promise<void> {
  const { registry } = ctx;
  const ns = res.namespaced ? info.namespace : '';
  if (res.namespaced === false && info.namespace) throw errors.notFoundPath();
  const sub = info.subresource;
  if (sub && !(sub in res.subresources)) throw errors.notFoundPath();
  const subVerbs = sub ? res.subresources[sub]!.verbs : res.verbs;
  if (!subVerbs.includes(info.verb)) throw errors.methodNotAllowed();
  const warnings: string[] = [];
  const writeOpts: WriteOptions = {
    ...(query.get('dryRun') === 'All' ? { dryRun: true } : {}),
    fieldValidation: fieldValidation(query.get('fieldValidation')),
    warn: (m) => warnings.push(m),
  };
  const headers = () => {
    const h: Record<string, string> = {};
    if (warnings.length) h.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
    return h;
  };
  const reply = (status: number, body: unknown) => sendJson(out, status, body, headers());
  /** A stored object: its JSON is cached. */
  const replyObject = (status: number, obj: KubeObject) => sendJsonText(out, status, objectJson(obj), headers());

  switch (info.verb) {
    case 'get': {
      if (sub === 'scale') return reply(200, getScale(registry, res, ns, info.name));
      const obj = registry.get(res, ns, info.name);
      if (wantsTable(req)) return reply(200, asTable(ctx, res, [obj], query, obj.metadata.resourceVersion));
      return replyObject(200, obj);
    }
    case 'list': {
      const list = registry.list(res, info.namespace || undefined, listQuery(query));
      if (wantsTable(req)) return reply(200, asTable(ctx, res, list.items, query, list.resourceVersion, list.continue, list.remainingItemCount));
      const head = {
        kind: res.listKind,
        apiVersion: groupVersion(res),
        metadata: {
          resourceVersion: list.resourceVersion,
          ...(list.continue ? { continue: list.continue } : {}),
          ...(list.remainingItemCount !== undefined ? { remainingItemCount: list.remainingItemCount } : {}),
        },
      };
      return sendJsonText(out, 200, listJson(head, list.items), headers());
    }
    case 'watch':
      return serveWatch(registry, res, info.namespace, {
        ...listQuery(query),
        ...optional('resourceVersion', query.get('resourceVersion') ?? undefined),
        ...optional('timeoutSeconds', numberParam(query, 'timeoutSeconds')),
        allowWatchBookmarks: query.get('allowWatchBookmarks') === 'true',
        sendInitialEvents: query.get('sendInitialEvents') === 'true',
        asTable: wantsTable(req),
        includeObject: includeObject(query),
      }, out, ctx.clock, ctx.watches);
    case 'create': {
      const body = decodeObjectBody(await readBody(req), req.headers['content-type']);
      if (sub === 'eviction') {
        evictPod(registry, ns, info.name, body);
        return reply(201, successStatus({ code: 201 }));
      }
      if (sub === 'binding') {
        bindPod(registry, ns, info.name, body);
        return reply(201, successStatus({ code: 201 }));
      }
      return replyObject(201, registry.create(res, ns, body, writeOpts));
    }
    case 'update': {
      const body = decodeObjectBody(await readBody(req), req.headers['content-type']);
      if (sub === 'scale') return reply(200, updateScale(registry, res, ns, info.name, body));
      return replyObject(200, registry.update(res, ns, info.name, body, sub, writeOpts));
    }
    case 'patch': {
      const type = patchTypeOf(req.headers['content-type']);
      const patch = decodeJson(await readBody(req));
      if (sub === 'scale') return reply(200, patchScale(registry, res, ns, info.name, type, patch));
      return replyObject(200, registry.patch(res, ns, info.name, type, patch, sub, writeOpts));
    }
    case 'delete': {
      const opts = await deleteOptions(req, query);
      const result = deleteObject(registry, res, ns, info.name, opts);
      if (res.key === 'pods' || !result.deleted) return reply(200, result.object);
      return reply(200, successStatus({ details: { name: info.name, ...(res.group ? { group: res.group } : {}), kind: res.plural, uid: result.object.metadata.uid ?? '' } }));
    }
    case 'deletecollection': {
      const opts = await deleteOptions(req, query);
      const items = deleteCollection(registry, res, info.namespace, listQuery(query), opts);
      return reply(200, { kind: res.listKind, apiVersion: groupVersion(res), metadata: {}, items });
    }
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function listQuery(q: URLSearchParams) {
  return {
    ...optional('labelSelector', q.get('labelSelector') ?? undefined),
    ...optional('fieldSelector', q.get('fieldSelector') ?? undefined),
    ...optional('limit', numberParam(q, 'limit')),
    ...optional('continue', q.get('continue') || undefined),
  };
}

function numberParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`invalid value for ${name}: ${JSON.stringify(raw)}`);
  return n;
}

function fieldValidation(raw: string | null): FieldValidation {
  // upstream: unset means Warn for clients that don't ask (kubectl asks for Strict by default).
  if (raw === null || raw === '') return 'Warn';
  if (raw === 'Strict' || raw === 'Warn' || raw === 'Ignore') return raw;
  throw errors.badRequest(`fieldValidation parameter unsupported: ${raw}`);
}

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

export function wantsTable(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('as=Table') && accept.includes('g=meta.k8s.io');
}

function asTable(ctx: HandlerContext, res: ServedResource, items: readonly KubeObject[], q: URLSearchParams, resourceVersion?: string, cont?: string, remaining?: number) {
  return toTable(res.key, items, {
    now: ctx.clock.now(),
    includeObject: includeObject(q),
    ...optional('resourceVersion', resourceVersion),
    ...optional('continue', cont),
    ...optional('remainingItemCount', remaining),
  });
}

async function deleteOptions(req: IncomingMessage, q: URLSearchParams): Promise<DeleteOptions> {
  const buf = await readBody(req);
  const body = (buf.length ? decodeJson(buf) : {}) as DeleteOptions & { orphanDependents?: boolean };
  const opts: DeleteOptions = {};
  const grace = numberParam(q, 'gracePeriodSeconds') ?? body.gracePeriodSeconds;
  if (grace !== undefined) opts.gracePeriodSeconds = grace;
  const policy = q.get('propagationPolicy') ?? body.propagationPolicy ?? (body.orphanDependents ? 'Orphan' : undefined);
  if (policy !== undefined && policy !== null) {
    if (policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
      throw errors.badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
    }
    opts.propagationPolicy = policy;
  }
  if (body.preconditions) opts.preconditions = body.preconditions;
  if (q.get('dryRun') === 'All' || (body as { dryRun?: string[] }).dryRun?.includes('All')) opts.dryRun = true;
  return opts;
}
