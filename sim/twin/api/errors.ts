// API errors that know their own HTTP answer: a metav1.Status with upstream's reason, code and message.
// upstream: k8s.io/apimachinery/pkg/api/errors/errors.go (NewNotFound, NewConflict, NewInvalid, …)

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A resource as errors name it: "pods" or "deployments.apps". */
export interface QualifiedResource {
  group: string;
  plural: string;
}

function qualified(res: QualifiedResource): string {
  return res.group ? `${res.plural}.${res.group}` : res.plural;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
    /** Extra response headers (Retry-After, …). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toStatus(): Status {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

function details(res: QualifiedResource, name?: string, extra: StatusDetails = {}): StatusDetails {
  return { ...(name !== undefined ? { name } : {}), ...(res.group ? { group: res.group } : {}), kind: res.plural, ...extra };
}

export const errors = {
  notFound: (res: QualifiedResource, name: string) =>
    new ApiError(404, 'NotFound', `${qualified(res)} "${name}" not found`, details(res, name)),
  alreadyExists: (res: QualifiedResource, name: string) =>
    new ApiError(409, 'AlreadyExists', `${qualified(res)} "${name}" already exists`, details(res, name)),
  conflict: (res: QualifiedResource, name: string, why: string) =>
    new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(res)} "${name}": ${why}`, details(res, name)),
  /** The optimistic-concurrency conflict every client knows. */
  modified: (res: QualifiedResource, name: string) =>
    errors.conflict(res, name, 'the object has been modified; please apply your changes to the latest version and try again'),
  invalid: (kind: string, group: string, name: string, message: string, causes: StatusCause[]) =>
    new ApiError(422, 'Invalid', message, { name, ...(group ? { group } : {}), kind, causes }),
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  forbidden: (res: QualifiedResource, name: string | undefined, why: string) =>
    new ApiError(
      403,
      'Forbidden',
      `${qualified(res)}${name ? ` "${name}"` : ''} is forbidden: ${why}`,
      details(res, name),
    ),
  unauthorized: () => new ApiError(401, 'Unauthorized', 'Unauthorized'),
  methodNotAllowed: () =>
    new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
  notFoundPath: () => new ApiError(404, 'NotFound', 'the server could not find the requested resource'),
  tooLarge: (limit: number) =>
    new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`),
  unsupportedMediaType: (got: string, accepted: readonly string[]) =>
    new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}` +
        (got ? ` (got ${got})` : ''),
    ),
  expired: (message: string) => new ApiError(410, 'Expired', message),
  tooManyRequests: (message: string, causes: StatusCause[] = [], retryAfterSeconds?: number) =>
    new ApiError(
      429,
      'TooManyRequests',
      message,
      { causes, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
      retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {},
    ),
  unavailable: (message: string, retryAfterSeconds = 1) =>
    new ApiError(503, 'ServiceUnavailable', message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) }),
  internal: (message: string) => new ApiError(500, 'InternalError', `Internal error occurred: ${message}`),
} as const;

export function successStatus(extra: Partial<Status> = {}): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200, ...extra };
}
