// Maps a PATCH Content-Type onto the patch algorithm and upstream's error codes.
// upstream: k8s.io/apiserver/pkg/endpoints/handlers/patch.go
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, PatchError } from '../patch/index.ts';
import { ApiError, errors } from './errors.ts';

export type PatchType = 'json' | 'merge' | 'strategic';

export const PATCH_CONTENT_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

export function patchTypeOf(contentType: string | undefined): PatchType {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const type = PATCH_CONTENT_TYPES[base];
  if (!type) throw errors.unsupportedMediaType(base, Object.keys(PATCH_CONTENT_TYPES));
  return type;
}

export function applyPatch(type: PatchType, target: unknown, patch: unknown, kind: string): unknown {
  try {
    switch (type) {
      case 'json':
        return applyJsonPatch(target, patch);
      case 'merge':
        return applyMergePatch(target, patch);
      case 'strategic':
        return applyStrategicMergePatch(target, patch, kind);
    }
  } catch (e) {
    if (e instanceof PatchError) return fail(e);
    throw e;
  }
}

function fail(e: PatchError): never {
  if (e.status === 422) throw new ApiError(422, e.reason || 'Invalid', e.message);
  if (e.status === 409) throw new ApiError(409, e.reason || 'Conflict', e.message);
  throw new ApiError(400, e.reason || 'BadRequest', e.message);
}
