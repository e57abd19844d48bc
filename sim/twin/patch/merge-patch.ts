// JSON merge patch (application/merge-patch+json), RFC 7386, with kube-apiserver's handling of odd top-level patches.
// upstream: gopkg.in/evanphx/json-patch.v4 merge.go MergePatch; apiserver handlers/patch.go applyJSPatch
import { badRequest } from './errors.ts';
import { deepClone, isObject, setOwn } from './json-value.ts';

/**
 * RFC 7386 §2 MergePatch(target, patch). Inputs are not mutated.
 * Upstream differences kept on purpose: a top-level `null` or scalar patch is rejected with 400 "Invalid JSON Patch"
 * (the RFC would return it as the new document); a top-level array patch replaces the document, as in the RFC.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) && !Array.isArray(patch)) throw badRequest('Invalid JSON Patch');
  return mergePatch(target, patch);
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return deepClone(patch);
  const result: Record<string, unknown> = isObject(target) ? deepClone(target) : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else setOwn(result, name, mergePatch(Object.prototype.hasOwnProperty.call(result, name) ? result[name] : undefined, value));
  }
  return result;
}
