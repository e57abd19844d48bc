// ClusterError: every failure of a Kubernetes call as one type with fields callers can test —
// `code` (HTTP status, 0 when the API could not be reached), `retryable`, `unreachable`.
import { ApiException } from '@kubernetes/client-node';

/**
 * Answers worth retrying: the server is away (0), overloaded or losing quorum (503, 500 etcd
 * timeouts, 504), a PDB or rate limit says not now (429), or an optimistic-concurrency conflict (409).
 * upstream: k8s.io/apimachinery/pkg/api/errors IsServerTimeout/IsTooManyRequests/IsConflict, and
 * client-go's rest.Request retry on 429/503 with Retry-After.
 */
const RETRYABLE = new Set([0, 409, 429, 500, 503, 504]);

export class ClusterError extends Error {
  readonly code: number;
  /** metav1.Status reason (NotFound, Conflict, TooManyRequests, …), or the socket error code. */
  readonly reason: string;
  readonly retryAfterMs: number | undefined;

  constructor(code: number, reason: string, message: string, retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClusterError';
    this.code = code;
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
  }

  get unreachable(): boolean {
    return this.code === 0;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  get notFound(): boolean {
    return this.code === 404;
  }

  /** 409 AlreadyExists: a create that already happened — done, for an idempotent writer. */
  get alreadyExists(): boolean {
    return this.code === 409 && this.reason === 'AlreadyExists';
  }
}

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { retryAfterSeconds?: number };
}

function statusOf(body: unknown): StatusBody {
  let b = body;
  if (typeof b === 'string') {
    try {
      b = JSON.parse(b);
    } catch {
      return { message: b as string };
    }
  }
  return typeof b === 'object' && b !== null ? (b as StatusBody) : {};
}

/** Socket-level codes that mean "nobody answered" (down, refused, reset, DNS). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

function networkCode(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 5; depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) return code;
    const type = (x as { type?: unknown }).type;
    if (type === 'system' || type === 'request-timeout') return typeof code === 'string' ? code : String(type);
    x = (x as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Wraps whatever a client-node call threw; `what` says which call ("patch node s1-fc-1"). */
export function toClusterError(e: unknown, what: string): ClusterError {
  if (e instanceof ClusterError) return e;
  if (e instanceof ApiException) {
    const s = statusOf(e.body);
    const retryHeader = Number(e.headers?.['retry-after']);
    const retryAfterMs = s.details?.retryAfterSeconds !== undefined ? s.details.retryAfterSeconds * 1000 : Number.isFinite(retryHeader) ? retryHeader * 1000 : undefined;
    return new ClusterError(e.code, s.reason ?? `HTTP${e.code}`, `${what}: ${e.code} ${s.reason ?? ''} ${s.message ?? ''}`.replace(/\s+/g, ' ').trim(), retryAfterMs, { cause: e });
  }
  const net = networkCode(e);
  const message = e instanceof Error ? e.message : String(e);
  if (net !== undefined) {
    return new ClusterError(0, net, `${what}: the cluster API is unreachable (${net}): ${message}; check the kubeconfig's server address and that the cluster is up`, undefined, { cause: e });
  }
  return new ClusterError(-1, 'Unknown', `${what}: ${message}`, undefined, { cause: e });
}
