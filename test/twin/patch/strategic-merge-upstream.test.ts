// Strategic merge patch against upstream's own cases (strategicpatch/patch_test.go), using upstream's MergeItem
// test schema, so that ordering, directives and errors are checked against known answers.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  PatchError,
  applyStrategicMergePatchWithSchema,
  type PatchField,
  type PatchSchema,
} from '../../../sim/twin/patch/index.ts';

// upstream: patch_test.go MergeItem / RetainKeysMergeItem struct tags.
const mergeItem: Record<string, PatchField> = {};
const retainKeysMergeItem: Record<string, PatchField> = {};
Object.assign(mergeItem, {
  mergingList: { strategy: 'merge', mergeKey: 'name', schema: mergeItem },
  nonMergingList: { schema: mergeItem },
  mergingIntList: { strategy: 'merge' },
  mergeItemPtr: { strategy: 'merge', mergeKey: 'name', schema: mergeItem },
  replacingItem: { strategy: 'replace' },
  retainKeysMap: { strategy: 'retainKeys', schema: retainKeysMergeItem },
  retainKeysMergingList: { strategy: 'merge,retainKeys', mergeKey: 'name', schema: mergeItem },
} satisfies PatchSchema);
Object.assign(retainKeysMergeItem, {
  mergingIntList: { strategy: 'merge' },
  mergingList: { strategy: 'merge', mergeKey: 'name', schema: mergeItem },
  nonMergingList: { schema: mergeItem },
} satisfies PatchSchema);

const apply = (original: string, patch: string): unknown =>
  applyStrategicMergePatchWithSchema(parse(original) ?? {}, parse(patch) ?? {}, mergeItem);

// [description, original, patch, expected] — upstream customStrategicMergePatchTestCaseData and
// customStrategicMergePatchRawTestCases / strategicMergePatchRawTestCases (two-way patch applied to original).
const cases: Array<[string, string, string, string]> = [
  ['unique scalars when merging lists', 'mergingIntList: [1, 2]', 'mergingIntList: [2, 3]', 'mergingIntList: [1, 2, 3]'],
  ['delete map from nested map', 'simpleMap: {key1: 1, key2: 1}', 'simpleMap: {$patch: delete}', 'simpleMap: {}'],
  ['delete all items from merging list', 'mergingList: [{name: 1}, {name: 2}]', 'mergingList: [{$patch: replace}]', 'mergingList: []'],
  ['merge empty merging lists', 'mergingList: []', 'mergingList: []', 'mergingList: []'],
  ['delete all keys from map', '{name: 1, value: 1}', '{$patch: replace}', '{}'],
  ['add key and delete all keys from map', '{name: 1, value: 1}', '{other: a, $patch: replace}', '{other: a}'],
  [
    'delete all duplicate entries in a merging list',
    'mergingList: [{name: 1}, {name: 1}, {name: 2, value: a}, {name: 3}, {name: 3}]',
    'mergingList: [{name: 1, $patch: delete}, {name: 3, $patch: delete}]',
    'mergingList: [{name: 2, value: a}]',
  ],
  ['retainKeys map can add a field', 'retainKeysMap: {name: foo}', 'retainKeysMap: {value: bar}', 'retainKeysMap: {name: foo, value: bar}'],
  ['retainKeys map can delete a field', 'retainKeysMap: {name: foo, value: a}', 'retainKeysMap: {value: null}', 'retainKeysMap: {name: foo}'],
  ['retainKeys map merge an empty map', 'retainKeysMap: {name: foo, value: a}', 'retainKeysMap: {}', 'retainKeysMap: {name: foo, value: a}'],
  [
    'retainKeys list can change a field',
    'retainKeysMergingList: [{name: bar}, {name: foo, value: a}]',
    'retainKeysMergingList: [{name: foo, value: b}]',
    'retainKeysMergingList: [{name: bar}, {name: foo, value: b}]',
  ],
  [
    'retainKeys directive clears other keys',
    'retainKeysMap: {name: foo, value: a, other: x}',
    'retainKeysMap: {$retainKeys: [name, value], value: b}',
    'retainKeysMap: {name: foo, value: b}',
  ],
  [
    'preserve the order from the patch in a merging list',
    'mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]',
    'mergingList: [{name: 3, value: c}, {name: 1, value: a}, {name: 2, other: x}]',
    'mergingList: [{name: 3, value: c}, {name: 1, value: a}, {name: 2, value: b, other: x}]',
  ],
  [
    'preserve the order from the patch in a merging list 2',
    'mergingList: [{name: 1}, {name: 2, value: b}, {name: 3}]',
    'mergingList: [{name: 3, value: c}, {name: 1, value: a}]',
    'mergingList: [{name: 2, value: b}, {name: 3, value: c}, {name: 1, value: a}]',
  ],
  ['preserve the order from the patch in a merging int list', 'mergingIntList: [1, 2, 3]', 'mergingIntList: [3, 1, 2]', 'mergingIntList: [3, 1, 2]'],
  ['preserve the order from the patch in a merging int list 2', 'mergingIntList: [1, 2, 3]', 'mergingIntList: [3, 1]', 'mergingIntList: [2, 3, 1]'],
  [
    '$setElementOrder contains item that is not present in the list to be merged',
    'mergingList: [{name: 1}, {name: 3}]',
    '{$setElementOrder/mergingList: [{name: 3}, {name: 2}, {name: 1}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}',
    'mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]',
  ],
  [
    '$setElementOrder contains item that is not present in the int list to be merged',
    'mergingIntList: [1, 3]',
    '{$setElementOrder/mergingIntList: [3, 2, 1]}',
    'mergingIntList: [3, 1]',
  ],
  ['$deleteFromPrimitiveList of nonexistent item', 'mergingIntList: [1, 2]', '{$deleteFromPrimitiveList/mergingIntList: [3]}', 'mergingIntList: [1, 2]'],
  ['$deleteFromPrimitiveList on empty primitive list', 'mergingIntList:', '{$deleteFromPrimitiveList/mergingIntList: [3]}', 'mergingIntList:'],
  ['$deleteFromPrimitiveList on nonexistent primitive list', 'foo: [bar]', '{$deleteFromPrimitiveList/mergingIntList: [3]}', 'foo: [bar]'],
  ['$deleteFromPrimitiveList with merge strategy', 'mergingIntList: [1, 2, 3]', '{$deleteFromPrimitiveList/mergingIntList: [2]}', 'mergingIntList: [1, 3]'],
  ['$deleteFromPrimitiveList without merge strategy', 'nonMergingIntList: [1, 2, 3]', '{$deleteFromPrimitiveList/nonMergingIntList: [2]}', 'nonMergingIntList: [1, 3]'],
  [
    'nested patch merge with empty list',
    'name: hi',
    'mergingList: [{name: hello}, {$patch: delete, name: doesntexist}]',
    '{name: hi, mergingList: [{name: hello}]}',
  ],
  [
    'delete items in lists of scalars',
    'mergingIntList: [1, 2, 3]',
    '{$setElementOrder/mergingIntList: [1, 2], $deleteFromPrimitiveList/mergingIntList: [3]}',
    'mergingIntList: [1, 2]',
  ],
  [
    'add and delete items in lists of scalars',
    'mergingIntList: [1, 2, 3]',
    '{$setElementOrder/mergingIntList: [1, 2, 4], $deleteFromPrimitiveList/mergingIntList: [3], mergingIntList: [4]}',
    'mergingIntList: [1, 2, 4]',
  ],
  [
    'merge lists of maps',
    'mergingList: [{name: 1}, {name: 2, value: 2}]',
    '{$setElementOrder/mergingList: [{name: 4}, {name: 1}, {name: 2}, {name: 3}], mergingList: [{name: 4, value: 4}, {name: 3, value: 3}]}',
    'mergingList: [{name: 4, value: 4}, {name: 1}, {name: 2, value: 2}, {name: 3, value: 3}]',
  ],
  ['add field and delete field from map', 'name: 1', '{name: null, value: 1}', 'value: 1'],
  ['delete field from nested map', 'simpleMap: {key1: 1, key2: 1}', 'simpleMap: {key2: null}', 'simpleMap: {key1: 1}'],
  ['replace list of scalars', 'nonMergingIntList: [1, 2]', 'nonMergingIntList: [2, 3]', 'nonMergingIntList: [2, 3]'],
  ['defined null values are not stored', 'name: 2', '{name: 1, value: 1, other: null}', '{name: 1, value: 1}'],
  ['replace strategy replaces a map', 'replacingItem: {a: 1, b: 2}', 'replacingItem: {c: 3}', 'replacingItem: {c: 3}'],
  ['new nested map drops its nulls', '{}', 'simpleMap: {a: 1, b: null}', 'simpleMap: {a: 1}'],
  ['new item added to a merging list goes first', 'mergingList: [{name: 1}, {name: 2}]', 'mergingList: [{name: 3}]', 'mergingList: [{name: 3}, {name: 1}, {name: 2}]'],
];

describe('applyStrategicMergePatch: upstream MergeItem cases', () => {
  it.each(cases)('%s', (_d, original, patch, expected) => {
    expect(apply(original, patch)).toEqual(parse(expected) ?? {});
  });
});

describe('applyStrategicMergePatch: upstream errors', () => {
  const failure = (original: string, patch: string): PatchError => {
    try {
      apply(original, patch);
    } catch (e) {
      if (e instanceof PatchError) return e;
      throw e;
    }
    throw new Error('expected a PatchError');
  };

  it.each([
    [
      'order in $setElementOrder and patch list mismatch',
      'mergingList: [{name: 1}, {name: 3}, {name: 2}]',
      '{$setElementOrder/mergingList: [{name: 1}, {name: 2}, {name: 3}], mergingList: [{name: 3, value: 3}, {name: 1, value: 1}]}',
      500,
      "the order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]",
    ],
    [
      'missing merge key',
      'mergingList: [{name: 1, value: a}]',
      'mergingList: [{value: b}]',
      500,
      'map: map[value:b] does not contain declared merge key: name',
    ],
    ['$patch: merge in a map', 'simpleMap: {a: 1}', 'simpleMap: {$patch: merge}', 500, 'unknown patch type: merge in map: map[$patch:merge]'],
    ['$patch: merge in a list', 'mergingList: [{name: 1}]', 'mergingList: [{$patch: merge}]', 500, 'merging lists cannot yet be specified in the patch'],
    ['bad $retainKeys', 'retainKeysMap: {name: a}', 'retainKeysMap: {$retainKeys: name}', 400, 'invalid patch format of retainKeys'],
    ['patch key outside $retainKeys', 'retainKeysMap: {name: a}', 'retainKeysMap: {$retainKeys: [name], value: b}', 400, 'invalid patch format of retainKeys'],
    ['bad $deleteFromPrimitiveList key', 'mergingIntList: [1]', '{$deleteFromPrimitiveList: [1]}', 400, 'invalid patch format of primitive list'],
    ['lists of lists', 'mergingIntList: []', 'mergingIntList: [[2]]', 422, 'the server rejected our request due to an error in our request'],
    ['mixed element types', 'mergingIntList: [1]', 'mergingIntList: [a]', 500, 'list element types are not identical: [[1] [a]]'],
  ])('%s', (_d, original, patch, status, message) => {
    const err = failure(original, patch);
    expect(err.status).toBe(status);
    expect(err.message).toBe(message);
  });
});
