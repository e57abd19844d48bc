// The strategic merge patch error texts, and which HTTP answer each one gets from the API server.
// upstream: k8s.io/apimachinery/pkg/util/mergepatch/errors.go; apiserver handlers/patch.go
//   interpretStrategicMergePatchError (format errors → 400, lists of lists / retainKeys mismatch → 422,
//   everything else → a raw error, i.e. 500 with the text as message).
import { badRequest, internal, unprocessable, type PatchError } from './errors.ts';
import { goSprint, goTypeName } from './json-value.ts';

export const errBadPatchFormatForPrimitiveList = (): PatchError => badRequest('invalid patch format of primitive list');
export const errBadPatchFormatForRetainKeys = (): PatchError => badRequest('invalid patch format of retainKeys');
export const errBadPatchFormatForSetElementOrderList = (): PatchError =>
  badRequest('invalid patch format of setElementOrder list');
export const errNoListOfLists = (): PatchError => unprocessable('lists of lists are not supported');

export const errNoMergeKey = (m: unknown, key: string): PatchError =>
  internal(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);

/** ErrBadArgType(expected, actual): the expected side is always a typed map or slice in the apply path. */
export const errBadArgType = (expected: 'map' | 'slice', actual: unknown): PatchError =>
  internal(
    `expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`,
  );

export const errBadPatchType = (t: unknown, m: unknown): PatchError =>
  internal(`unknown patch type: ${goPercentS(t)} in map: ${goSprint(m)}`);

/** fmt's %s: strings as-is, anything else flagged the way Go flags a wrong verb. */
function goPercentS(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '%!s(<nil>)';
  return `%!s(${goTypeName(v)}=${goSprint(v)})`;
}

export { internal };
