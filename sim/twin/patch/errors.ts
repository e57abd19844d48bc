// PatchError: a patch failure that knows the HTTP status, reason and message kube-apiserver answers with.
// upstream: k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyJSPatch, interpretStrategicMergePatchError),
//   k8s.io/apimachinery/pkg/api/errors NewBadRequest / NewGenericServerResponse, responsewriters ErrorToAPIStatus.

/** metav1.Status fields for a failed PATCH. `detail` is our own explanation, for logs: upstream often hides it. */
export class PatchError extends Error {
  override readonly name = 'PatchError';
  readonly status: 400 | 409 | 413 | 422 | 500;
  /** metav1.StatusReason: BadRequest, Invalid, Conflict, or "" (StatusReasonUnknown) for raw internal errors. */
  readonly reason: string;
  readonly detail: string;

  constructor(status: 400 | 409 | 413 | 422 | 500, reason: string, message: string, detail = message) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.detail = detail;
  }
}

/** errors.NewBadRequest(msg): 400 BadRequest, message as given. */
export const badRequest = (message: string): PatchError => new PatchError(400, 'BadRequest', message);

/**
 * NewGenericServerResponse(422, …, isUnexpectedResponse=false): 422 Invalid with a fixed message; the real cause is
 * dropped from the response (kubectl prints "The request is invalid: the server rejected our request due to an error
 * in our request"). We keep it in `detail`.
 */
export const unprocessable = (detail: string): PatchError =>
  new PatchError(422, 'Invalid', 'the server rejected our request due to an error in our request', detail);

/**
 * A plain Go error that reaches ErrorToAPIStatus: 500 with StatusReasonUnknown ("") and the error text as the message
 * (kubectl prints "Error from server: <text>"). Strategic merge patch errors other than the format ones end up here.
 */
export const internal = (message: string): PatchError => new PatchError(500, '', message);
