// Strategic merge patch for lists: merge by key, primitive-list union and deletion, `$patch` list elements,
// and the element ordering rules ($setElementOrder > patch order > live order).
// upstream: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go mergeSlice, mergeSliceWithSpecialElements,
//   mergeSliceWithoutSpecialElements, deleteFromSlice, deduplicateScalars, normalizeElementOrder,
//   normalizeSliceOrder, mergeSortedSlice, index, partition*ByPresentInList, sliceElementType
import { goSliceStable } from './go-sort.ts';
import { goSprint, goTypeName, isObject, type JsonObject } from './json-value.ts';
import { errBadArgType, errBadPatchType, errNoListOfLists, errNoMergeKey, internal } from './smp-errors.ts';

export const directiveMarker = '$patch';
const mapType = 'map[string]interface {}';

/** What mergeMap does to one list element (the recursion point back into map merging). */
export type MergeMapFn = (original: JsonObject, patch: JsonObject) => JsonObject;

/** mergeSlice: lists whose field has patchStrategy=merge. `original` and `patch` are ours to mutate. */
export function mergeSlice(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  isDeleteList: boolean,
  mergeElement: MergeMapFn,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const isMap = sliceElementType(original, patch) === mapType;
  let merged: unknown[];
  if (!isMap) {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw internal('cannot merge lists without merge key for type struct');
    [original, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements(original, patch, mergeKey, mergeElement);
  }
  const [patchItems, serverOnly] =
    mergeKey === '' ? partitionPrimitives(merged, patch) : partitionMaps(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, isMap);
}

/** Applies `$patch: delete|replace` elements; returns the (possibly trimmed) original and the plain patch elements. */
function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const typed = v as JsonObject;
    if (!Object.prototype.hasOwnProperty.call(typed, directiveMarker)) {
      plain.push(v);
      continue;
    }
    const directive = typed[directiveMarker];
    if (directive === 'delete') {
      if (!Object.prototype.hasOwnProperty.call(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
      original = deleteMatchingEntries(original, mergeKey, typed[mergeKey]);
    } else if (directive === 'replace') {
      replace = true; // keep scanning: other `$patch` elements must still be pruned
    } else if (directive === 'merge') {
      throw internal('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, typed);
    }
  }
  return replace ? [plain, []] : [original, plain];
}

function deleteMatchingEntries(original: unknown[], mergeKey: string, value: unknown): unknown[] {
  let out = original;
  for (;;) {
    const found = findMapInSlice(out, mergeKey, value);
    if (!found) return out;
    out = [...out.slice(0, found.index), ...out.slice(found.index + 1)];
  }
}

function mergeSliceWithoutSpecialElements(
  original: unknown[],
  patch: unknown[],
  mergeKey: string,
  mergeElement: MergeMapFn,
): unknown[] {
  const out = [...original];
  for (const v of patch) {
    const typed = v as JsonObject;
    if (!Object.prototype.hasOwnProperty.call(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
    const found = findMapInSlice(out, mergeKey, typed[mergeKey]);
    if (found) out[found.index] = mergeElement(found.map, typed);
    else out.push(v);
  }
  return out;
}

function findMapInSlice(list: unknown[], key: string, value: unknown): { map: JsonObject; index: number } | undefined {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isObject(v)) throw internal(`value for key ${i} is not a map`);
    if (Object.prototype.hasOwnProperty.call(v, key) && v[key] === value) return { map: v, index: i };
  }
  return undefined;
}

function deleteFromSlice(current: unknown[], toDelete: unknown[]): unknown[] {
  const drop = new Set(toDelete);
  return current.filter((v) => !drop.has(v));
}

/** upstream's in-place "clever" dedupe: a duplicate is overwritten by the last element, so order shifts. */
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

export function partitionPrimitives(list: unknown[], by: unknown[]): [unknown[], unknown[]] {
  const inPatch = new Set(by);
  return [list.filter((v) => inPatch.has(v)), list.filter((v) => !inPatch.has(v))];
}

export function partitionMaps(list: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of list) {
    if (!isObject(v)) throw errBadArgType('map', v);
    if (!Object.prototype.hasOwnProperty.call(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    (findMapInSlice(by, mergeKey, v[mergeKey]) ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  isMap: boolean,
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patch, patchOrder, mergeKey, isMap);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSortedSlice(sortedServer, sortedPatch, serverOrder, mergeKey, isMap);
}

function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, isMap: boolean): unknown[] {
  let items = [...toSort];
  let toDelete: unknown[] = [];
  if (isMap) {
    for (const list of [items, order]) {
      for (const item of list) {
        if (!isObject(item)) throw errBadArgType('map', item);
        if (!Object.prototype.hasOwnProperty.call(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      }
    }
    toDelete = items.filter((v) => (v as JsonObject)[directiveMarker] === 'delete');
    items = items.filter((v) => (v as JsonObject)[directiveMarker] !== 'delete');
  }
  // upstream's comparator answers "true" whenever either side is missing from `order`; only Go's own stable sort
  // turns that into the same sequence.
  goSliceStable(items, (a, b) => {
    const ia = index(order, a, mergeKey, isMap);
    if (ia >= 0) {
      const ib = index(order, b, mergeKey, isMap);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...items, ...toDelete];
}

/** Interleaves server-only items (left) into patch items (right) by their positions in the live list. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, isMap: boolean): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  const size = left.length + right.length;
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) out.push(right[j++]);
    else if (j >= right.length && i < left.length) out.push(left[i++]);
    else {
      const li = index(serverOrder, left[i], mergeKey, isMap);
      const ri = index(serverOrder, right[j], mergeKey, isMap);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function index(list: unknown[], item: unknown, mergeKey: string, isMap: boolean): number {
  // Go compares interface values; a missing key and a JSON null are both nil there.
  const val = (v: unknown): unknown => {
    const x = isMap ? (isObject(v) ? v[mergeKey] : undefined) : v;
    return x === null ? undefined : x;
  };
  const target = val(item);
  return list.findIndex((v) => val(v) === target);
}

/** The one Go type all elements share; lists of lists and mixed lists are errors, as upstream. */
export function sliceElementType(...slices: unknown[][]): string {
  let prev: string | undefined;
  for (const s of slices) {
    for (const v of s) {
      const cur = goTypeName(v);
      if (prev === undefined) {
        // upstream calls Kind() on a nil reflect.Type when the first element is null and panics.
        if (v === null || v === undefined) throw internal('runtime error: invalid memory address or nil pointer dereference');
        if (Array.isArray(v)) throw errNoListOfLists();
        prev = cur;
      } else if (prev !== cur) {
        throw internal(`list element types are not identical: ${goSprint(slices)}`);
      }
    }
  }
  if (prev === undefined) throw internal('no elements in any of the given slices');
  return prev;
}
