// Which writes the API still takes while the control plane has no etcd quorum, and which write failures
// a controller should simply retry later. Pure; table-tested.
import { ApiError, type PendingWrite } from '../api/index.ts';

/** Simulation-control annotations (sim-control.ts) share this prefix. */
export const SIM_CONTROL_PREFIX = 'sim.kis.dev/';

/**
 * True for the one kind of write that goes through without quorum: an UPDATE of an existing Node whose only
 * change is to annotations under `sim.kis.dev/` (added, changed or removed). Those model physics — power, the
 * node leaving the vehicle, faults — not API state, and the HAL must be able to cut power to the very nodes
 * whose loss broke quorum, and restore it. Everything else is refused: creates and deletes (even of nodes),
 * any other annotation, labels, spec, status, and writes that mix a sim-control change with anything else.
 * metadata.resourceVersion is ignored (an unconditional update carries none, a conditional one the stored one).
 */
export function isQuorumExempt(w: PendingWrite): boolean {
  if (w.resource.key !== 'nodes' || !w.before || !w.after) return false;
  const { before, after } = w;
  if (!sameExcept(before, after, ['metadata'])) return false;
  if (!sameExcept(before.metadata, after.metadata, ['annotations', 'resourceVersion'])) return false;
  const a = before.metadata.annotations ?? {};
  const b = after.metadata.annotations ?? {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[k] !== b[k] && !k.startsWith(SIM_CONTROL_PREFIX)) return false;
  }
  return true;
}

/**
 * Failures a controller retries on its next pass instead of reporting as a bug: 503 (no quorum), 409 (a racing
 * writer), 404 (already gone), 403 (namespace terminating), 429 (a PodDisruptionBudget said no).
 */
export function isRetryableWriteError(e: unknown): boolean {
  return e instanceof ApiError && [403, 404, 409, 429, 503].includes(e.code);
}

function sameExcept(a: object, b: object, skip: readonly string[]): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
    if (skip.includes(k)) continue;
    if (!jsonSame(ra[k], rb[k])) return false;
  }
  return true;
}

/** JSON equality, key order ignored (a PATCH or a client's PUT may reorder members), undefined members ignored. */
function jsonSame(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => jsonSame(v, y[i]));
  }
  return sameExcept(x, y, []);
}
