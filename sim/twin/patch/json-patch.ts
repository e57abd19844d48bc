// JSON patch (application/json-patch+json), RFC 6902, following the evanphx/json-patch v4 the API server uses.
// upstream: gopkg.in/evanphx/json-patch.v4 patch.go (Apply, findObject, partialDoc/partialArray);
//   apiserver handlers/patch.go applyJSPatch: undecodable patch → 400, any apply failure → 422 Invalid.
import { PatchError, badRequest, unprocessable } from './errors.ts';
import { deepClone, deepEqual, isObject, setOwn } from './json-value.ts';

type Container = Record<string, unknown> | unknown[];

const maxJsonPatchOperations = 10000;

/** Applies the operations in order to a copy of `target`; throws PatchError (400 undecodable, 413 too many, 422 failed op). */
export function applyJsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest(`json: cannot unmarshal ${jsonKind(ops)} into Go value of type jsonpatch.Patch`);
  for (const op of ops) {
    if (op !== null && !isObject(op)) {
      throw badRequest(`json: cannot unmarshal ${jsonKind(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  // upstream: handlers/patch.go maxJSONPatchOperations
  if (ops.length > maxJsonPatchOperations) {
    throw new PatchError(
      413,
      'RequestEntityTooLarge',
      `Request entity too large: The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${ops.length}`,
    );
  }
  const doc = deepClone(target);
  if (!isObject(doc) && !Array.isArray(doc)) throw unprocessable('document is not an object or array');
  for (const op of ops as Array<Record<string, unknown> | null>) applyOne(doc, op ?? {});
  return doc;
}

function applyOne(doc: Container, op: Record<string, unknown>): void {
  const kind = typeof op['op'] === 'string' ? op['op'] : 'unknown';
  // v4 treats a missing or null "value" as JSON null rather than rejecting the operation.
  const value = op['value'] === undefined ? null : op['value'];
  switch (kind) {
    case 'add': {
      const path = stringField(op, 'path', 'add operation failed to decode path');
      const [con, key] = findObject(doc, path, `add operation does not apply: doc is missing path: "${path}"`);
      addTo(con, key, deepClone(value), path);
      return;
    }
    case 'remove': {
      const path = stringField(op, 'path', 'remove operation failed to decode path');
      const [con, key] = findObject(doc, path, `remove operation does not apply: doc is missing path: "${path}"`);
      removeFrom(con, key, `error in remove for path: '${path}'`);
      return;
    }
    case 'replace': {
      const path = stringField(op, 'path', 'replace operation failed to decode path');
      const [con, key] = findObject(doc, path, `replace operation does not apply: doc is missing path: ${path}`);
      getFrom(con, key, `replace operation does not apply: doc is missing key: ${path}`);
      setIn(con, key, deepClone(value), `error in replace for path: '${path}'`);
      return;
    }
    case 'move': {
      const from = stringField(op, 'from', 'move operation failed to decode from');
      const [fromCon, fromKey] = findObject(doc, from, `move operation does not apply: doc is missing from path: ${from}`);
      const moved = getFrom(fromCon, fromKey, `error in move for path: '${fromKey}'`);
      removeFrom(fromCon, fromKey, `error in move for path: '${fromKey}'`);
      const path = stringField(op, 'path', 'move operation failed to decode path');
      const [con, key] = findObject(doc, path, `move operation does not apply: doc is missing destination path: ${path}`);
      addTo(con, key, moved, path);
      return;
    }
    case 'copy': {
      const from = stringField(op, 'from', 'copy operation failed to decode from');
      const [fromCon, fromKey] = findObject(doc, from, `copy operation does not apply: doc is missing from path: ${from}`);
      const copied = getFrom(fromCon, fromKey, `error in copy for from: '${from}'`);
      const path = stringField(op, 'path', 'copy operation failed to decode path');
      const [con, key] = findObject(doc, path, `copy operation does not apply: doc is missing destination path: ${path}`);
      addTo(con, key, deepClone(copied), path);
      return;
    }
    case 'test': {
      const path = stringField(op, 'path', 'test operation failed to decode path');
      const [con, key] = findObject(doc, path, `test operation does not apply: is missing path: ${path}`);
      const actual = peek(con, key);
      // v4: a missing or null member equals a null/missing test value.
      if ((actual ?? null) === null ? value === null : deepEqual(actual, value)) return;
      throw unprocessable(`testing value ${path} failed: test failed`);
    }
    default:
      throw unprocessable(`Unexpected kind: ${kind}`);
  }
}

function stringField(op: Record<string, unknown>, name: string, message: string): string {
  const v = op[name];
  if (typeof v !== 'string') throw unprocessable(`${message}: missing value`);
  return v;
}

/**
 * v4 findObject: split on "/", drop the first segment, walk all but the last. So "" has no container (an error),
 * and the first segment is ignored even without a leading slash — both as upstream.
 */
function findObject(doc: Container, path: string, missing: string): [Container, string] {
  const split = path.split('/');
  if (split.length < 2) throw unprocessable(`${missing}: missing value`);
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    const next = peek(cur, decodeKey(part));
    if (!isObject(next) && !Array.isArray(next)) throw unprocessable(`${missing}: missing value`);
    cur = next;
  }
  return [cur, decodeKey(split[split.length - 1]!)];
}

const decodeKey = (k: string): string => k.replace(/~1/g, '/').replace(/~0/g, '~');

/** strconv.Atoi, then v4's negative-index support (SupportNegativeIndices defaults to true). */
function arrayIndex(key: string, length: number, context: string): number {
  if (!/^[+-]?[0-9]+$/.test(key)) throw unprocessable(`${context}: strconv.Atoi: parsing "${key}": invalid syntax`);
  let idx = Number(key);
  if (idx < 0) {
    if (idx < -length) throw unprocessable(`${context}: Unable to access invalid index: ${idx}: invalid index referenced`);
    idx += length;
  }
  if (idx >= length) throw unprocessable(`${context}: Unable to access invalid index: ${idx}: invalid index referenced`);
  return idx;
}

function peek(con: Container, key: string): unknown {
  if (Array.isArray(con)) {
    if (!/^[+-]?[0-9]+$/.test(key)) return undefined;
    let idx = Number(key);
    if (idx < 0) idx += con.length;
    return idx >= 0 && idx < con.length ? con[idx] : undefined;
  }
  return Object.prototype.hasOwnProperty.call(con, key) ? con[key] : undefined;
}

function getFrom(con: Container, key: string, context: string): unknown {
  if (Array.isArray(con)) return con[arrayIndex(key, con.length, context)];
  if (!Object.prototype.hasOwnProperty.call(con, key)) throw unprocessable(`${context}: unable to get nonexistent key: ${key}: missing value`);
  return con[key];
}

function addTo(con: Container, key: string, value: unknown, path: string): void {
  if (!Array.isArray(con)) {
    setOwn(con, key, value);
    return;
  }
  if (key === '-') {
    con.push(value);
    return;
  }
  // Inserting may target one past the end, so the index is checked against length + 1.
  const idx = arrayIndex(key, con.length + 1, `error in add for path: '${path}'`);
  con.splice(idx, 0, value);
}

function setIn(con: Container, key: string, value: unknown, context: string): void {
  if (Array.isArray(con)) con[arrayIndex(key, con.length, context)] = value;
  else setOwn(con, key, value);
}

function removeFrom(con: Container, key: string, context: string): void {
  if (Array.isArray(con)) {
    con.splice(arrayIndex(key, con.length, context), 1);
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(con, key)) throw unprocessable(`${context}: Unable to remove nonexistent key: ${key}: missing value`);
  delete con[key];
}

/** The JSON kind name Go's decoder uses in "cannot unmarshal X" errors. */
export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (isObject(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'null';
  return typeof v;
}
