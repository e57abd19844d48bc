// The one error type the store throws; `reason` is the Kubernetes StatusReason and `httpStatus` its HTTP code.

export type StoreErrorReason =
  | 'AlreadyExists'
  | 'NotFound'
  | 'Conflict'
  | 'Expired'
  | 'Invalid'
  /** A watch or continue from a resourceVersion the store has not reached yet. */
  | 'Timeout';

// upstream: k8s.io/apimachinery/pkg/api/errors/errors.go (NewAlreadyExists 409, NewNotFound 404, NewConflict 409,
// NewResourceExpired 410, NewInvalid 422, NewTimeoutError 504 — "Too large resource version" in the cacher).
const HTTP_STATUS: Record<StoreErrorReason, number> = {
  AlreadyExists: 409,
  NotFound: 404,
  Conflict: 409,
  Expired: 410,
  Invalid: 422,
  Timeout: 504,
};

export class StoreError extends Error {
  readonly reason: StoreErrorReason;
  readonly httpStatus: number;

  constructor(reason: StoreErrorReason, message: string) {
    super(message);
    this.name = 'StoreError';
    this.reason = reason;
    this.httpStatus = HTTP_STATUS[reason];
  }
}

/** True when `e` is a StoreError, optionally with the given reason. */
export function isStoreError(e: unknown, reason?: StoreErrorReason): e is StoreError {
  return e instanceof StoreError && (reason === undefined || e.reason === reason);
}
