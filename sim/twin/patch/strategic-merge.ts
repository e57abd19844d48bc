// Strategic merge patch (application/strategic-merge-patch+json) as kube-apiserver applies it: maps merge, null
// deletes, tagged lists merge by key, and the `$patch`, `$retainKeys`, `$setElementOrder/…`,
// `$deleteFromPrimitiveList/…` directives. Server-side options: MergeParallelList and IgnoreUnmatchedNulls.
// upstream (v0.36): k8s.io/apimachinery/pkg/util/strategicpatch/patch.go StrategicMergeMapPatch, mergeMap,
//   handleDirectiveInMergeMap, applyRetainKeysDirective, mergePatchIntoOriginal, discardNullValuesFromPatch,
//   removeDirectives
import { badRequest } from './errors.ts';
import { jsonKind } from './json-patch.ts';
import { deepClone, goSprint, isObject, setOwn, type JsonObject } from './json-value.ts';
import { patchSchemaFor, type PatchField, type PatchSchema } from './patch-meta.ts';
import {
  errBadArgType,
  errBadPatchFormatForPrimitiveList,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  errNoMergeKey,
  internal,
} from './smp-errors.ts';
import {
  directiveMarker,
  mergeSlice,
  normalizeElementOrder,
  partitionMaps,
  partitionPrimitives,
  sliceElementType,
} from './smp-list.ts';

const retainKeysDirective = '$retainKeys';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
const setElementOrderPrefix = '$setElementOrder';

/**
 * Applies a strategic merge patch to an object of `kind` ("Pod", "Node", "Deployment", …). Inputs are not mutated.
 * Throws PatchError with upstream's status: 400 for a malformed patch or directive format, 422 for lists of lists,
 * 500 (reason "") for the errors upstream leaves unclassified, such as a list element without its merge key.
 */
export function applyStrategicMergePatch(target: unknown, patch: unknown, kind: string): unknown {
  return applyStrategicMergePatchWithSchema(target, patch, patchSchemaFor(kind));
}

/** The same, with an explicit schema (for kinds outside the table, and for upstream's MergeItem test schema). */
export function applyStrategicMergePatchWithSchema(target: unknown, patch: unknown, schema: PatchSchema): unknown {
  // upstream decodes the body into map[string]interface{}: `null` leaves it empty, anything else but an object fails.
  if (patch === null) return deepClone(target);
  if (!isObject(patch)) {
    throw badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
  }
  const original = isObject(target) ? deepClone(target) : {};
  const result = mergeMap(original, deepClone(patch), schema);
  // Directive keys that survive inside values taken as-is (`$setElementOrder/…` in a new map, `$patch` nested in an
  // appended list element) are unknown fields to upstream's typed decode, which drops them; so do we.
  stripDirectives(result);
  return result;
}

const fieldOf = (schema: PatchSchema | undefined, key: string): PatchField =>
  schema && Object.prototype.hasOwnProperty.call(schema, key) ? schema[key]! : {};

/** extractRetainKeysPatchStrategy: retainKeys only shapes the client-side diff; the server uses the other part. */
const strategyOf = (field: PatchField): string =>
  field.strategy === 'merge,retainKeys' ? 'merge' : field.strategy === 'retainKeys' ? '' : (field.strategy ?? '');

const has = (o: JsonObject, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function mergeMap(original: JsonObject, patch: JsonObject, schema: PatchSchema | undefined): JsonObject {
  if (has(patch, directiveMarker)) return handleDirectiveInMergeMap(patch[directiveMarker], patch);
  applyRetainKeysDirective(original, patch);
  mergePatchIntoOriginal(original, patch, schema);
  for (const [rawKey, patchV] of Object.entries(patch)) {
    let k = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(deleteFromPrimitiveListPrefix)) {
      k = extractKey(rawKey, deleteFromPrimitiveListPrefix);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      continue; // IgnoreUnmatchedNulls
    }
    if (!has(original, k) || goKind(original[k]) !== goKind(patchV)) {
      // Absent or of another type: take the patch value, minus its nulls and `$patch` maps; a deletion list adds
      // nothing.
      if (!isDeleteList) {
        discardNullValues(patchV);
        setOrDrop(original, k, patchV);
      }
      continue;
    }
    const field = fieldOf(schema, k);
    const current = original[k];
    if (isObject(current)) {
      setOwn(original, k, strategyOf(field) === 'replace' ? patchV : mergeMap(current, patchV as JsonObject, field.schema));
    } else if (Array.isArray(current)) {
      setOwn(original, k, mergeSliceHandler(current, patchV as unknown[], field, isDeleteList));
    } else {
      setOrDrop(original, k, patchV);
    }
  }
  return original;
}

function setOrDrop(target: JsonObject, key: string, value: unknown): void {
  const [kept, keep] = removeDirectives(value);
  if (keep) setOwn(target, key, kept);
  else delete target[key];
}

/**
 * upstream removeDirectives: in a value taken as-is, any map carrying `$patch` is dropped (from its parent map or
 * list); the boolean says whether the value itself survives.
 */
function removeDirectives(v: unknown): [unknown, boolean] {
  if (isObject(v)) {
    if (has(v, directiveMarker)) return [undefined, false];
    for (const [k, x] of Object.entries(v)) {
      const [kept, keep] = removeDirectives(x);
      if (keep) setOwn(v, k, kept);
      else delete v[k];
    }
    return [v, true];
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      const [kept, keep] = removeDirectives(x);
      if (keep) out.push(kept);
    }
    return [out, true];
  }
  return [v, true];
}

/** reflect.TypeOf equality as upstream compares it (int64 and float64 differ, all maps are one type). */
const goKind = (v: unknown): string =>
  Array.isArray(v) ? 'slice' : isObject(v) ? 'map' : typeof v === 'number' ? (Number.isInteger(v) ? 'int64' : 'float64') : typeof v;

function mergeSliceHandler(original: unknown[], patch: unknown[], field: PatchField, isDeleteList: boolean): unknown[] {
  // upstream: "Delete lists are handled the same way regardless of what the field's patch strategy is".
  if (strategyOf(field) !== 'merge' && !isDeleteList) return patch;
  return mergeSlice(original, patch, field.mergeKey ?? '', isDeleteList, (o, p) => mergeMap(o, p, field.schema));
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === 'replace') {
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === 'delete') return {};
  throw errBadPatchType(directive, patch);
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!has(patch, retainKeysDirective)) return;
  const list = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!Array.isArray(list)) throw errBadPatchFormatForRetainKeys();
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!keep.has(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** Merges each list named by a `$setElementOrder/<field>` directive and orders it as the directive says. */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, schema: PatchSchema | undefined): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderPrefix)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType('slice', order);
    const field = extractKey(key, setElementOrderPrefix);
    const foundOriginal = has(original, field);
    const foundPatch = has(patch, field);
    const originalList = foundOriginal ? original[field] : [];
    const patchList = foundPatch ? patch[field] : [];
    if (!Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (!Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const meta = fieldOf(schema, field);
    const mergeKey = meta.mergeKey ?? '';
    validatePatchWithSetOrderList(patchList, order, mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalList;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList)[0] as unknown[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, meta, false);
    else continue;
    const [patchItems, serverOnly] =
      mergeKey === '' ? partitionPrimitives(merged, order) : partitionMaps(merged, order, mergeKey);
    const isMap = sliceElementType(originalList, patchList) === 'map[string]interface {}';
    setOwn(original, field, normalizeElementOrder(patchItems, serverOnly, order, originalList, mergeKey, isMap));
    delete patch[field];
  }
}

/** The patch list's non-directive items must appear in the same relative order as in $setElementOrder. */
function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items = patchList;
  if (mergeKey !== '') {
    for (const v of patchList) if (!isObject(v)) throw errBadArgType('map', v);
    items = patchList.filter((v) => (v as JsonObject)[directiveMarker] !== 'delete');
  }
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    if (isObject(items[p]) && has(items[p] as JsonObject, directiveMarker)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(items[p], order[s], mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw internal(`the order in patch list:\n${goSprint(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goSprint(order)}`);
  }
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isObject(left)) throw errBadArgType('map', left);
  if (!isObject(right)) throw errBadArgType('map', right);
  if (!has(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!has(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

/** `$deleteFromPrimitiveList/finalizers` → `finalizers`; anything else under the prefix is a 400. */
function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    throw prefix === deleteFromPrimitiveListPrefix
      ? errBadPatchFormatForPrimitiveList()
      : errBadPatchFormatForSetElementOrderList();
  }
  return s.slice(slash + 1);
}

function discardNullValues(v: unknown): void {
  if (Array.isArray(v)) v.forEach(discardNullValues);
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k];
      else discardNullValues(x);
    }
  }
}

function stripDirectives(v: unknown): void {
  if (Array.isArray(v)) v.forEach(stripDirectives);
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k === directiveMarker || k === retainKeysDirective || k.startsWith(`${setElementOrderPrefix}/`) ||
        k.startsWith(`${deleteFromPrimitiveListPrefix}/`)) delete v[k];
      else stripDirectives(x);
    }
  }
}
