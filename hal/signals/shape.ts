// A tiny structural validator for the journal: field specs as data, errors as "path: what was wrong".
// Hand-rolled (not a JSON Schema library) because it runs per journal line and must stay cheap.

export type FieldCheck = (value: unknown, path: string) => string | undefined;

export type FieldType =
  | 'string'
  | 'number'
  | 'int'
  | 'non-negative-int'
  | 'json'
  | 'number-map'
  | 'nullable-string-map'
  | readonly string[]
  | FieldCheck;

export interface FieldSpec {
  readonly type: FieldType;
  readonly optional?: boolean;
}

export type Shape = Readonly<Record<string, FieldSpec>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isJson(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((v) => v === undefined || isJson(v, depth + 1));
  return false;
}

export function checkField(value: unknown, type: FieldType, path: string): string | undefined {
  if (typeof type === 'function') return type(value, path);
  if (Array.isArray(type)) {
    return type.includes(value as string)
      ? undefined
      : `${path}: expected one of ${type.join(' | ')}, got ${describe(value)}`;
  }
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : `${path}: expected a string, got ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `${path}: expected a finite number, got ${describe(value)}`;
    case 'int':
      return Number.isSafeInteger(value) ? undefined : `${path}: expected an integer, got ${describe(value)}`;
    case 'non-negative-int':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? undefined
        : `${path}: expected an integer >= 0, got ${describe(value)}`;
    case 'json':
      return isJson(value, 0) ? undefined : `${path}: expected JSON data (finite numbers, depth <= 64)`;
    case 'number-map':
      return checkMap(value, path, (v) => typeof v === 'number' && Number.isFinite(v), 'a finite number');
    case 'nullable-string-map':
      return checkMap(value, path, (v) => v === null || typeof v === 'string', 'a string or null');
    default:
      return `${path}: unknown field type`;
  }
}

function checkMap(value: unknown, path: string, ok: (v: unknown) => boolean, what: string): string | undefined {
  if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  for (const [k, v] of Object.entries(value)) {
    if (!ok(v)) return `${path}.${k}: expected ${what}, got ${describe(v)}`;
  }
  return undefined;
}

/** A shape's fields as an array, made once: checkShape runs per MQTT message and per journal line. */
const fieldLists = new WeakMap<Shape, ReadonlyArray<readonly [string, FieldSpec]>>();

function fieldsOf(shape: Shape): ReadonlyArray<readonly [string, FieldSpec]> {
  let fields = fieldLists.get(shape);
  if (!fields) fieldLists.set(shape, (fields = Object.entries(shape)));
  return fields;
}

/** The common valid cases without building the field's path string; false means "ask checkField". */
function plainlyValid(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'int':
      return Number.isSafeInteger(value);
    case 'non-negative-int':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    default:
      return Array.isArray(type) && type.includes(value as string);
  }
}

/** Checks required/optional fields and rejects unknown ones (a typo must not pass silently). */
export function checkShape(value: unknown, shape: Shape, path: string, allowExtra = false): string | undefined {
  if (!isPlainObject(value)) return `${path || 'record'}: expected an object, got ${describe(value)}`;
  const prefix = path ? `${path}.` : '';
  const fields = fieldsOf(shape);
  for (let i = 0; i < fields.length; i++) {
    const [name, spec] = fields[i]!;
    const v = value[name];
    if (v === undefined) {
      if (!spec.optional) return `${prefix}${name}: required field is missing`;
      continue;
    }
    if (plainlyValid(v, spec.type)) continue;
    const err = checkField(v, spec.type, `${prefix}${name}`);
    if (err) return err;
  }
  if (!allowExtra) {
    for (const name of Object.keys(value)) {
      // Own properties only: `__proto__` or `constructor` must not pass through the prototype.
      if (!Object.hasOwn(shape, name)) return `${prefix}${name}: unknown field`;
    }
  }
  return undefined;
}

/** Validates a discriminated union: picks the shape by `value[key]`, then checks it. */
export function checkUnion(
  value: unknown,
  key: string,
  shapes: Readonly<Record<string, Shape>>,
  path: string,
): string | undefined {
  if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  const tag = value[key];
  const shape = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
  if (!shape) {
    return `${path}.${key}: expected one of ${Object.keys(shapes).join(' | ')}, got ${describe(tag)}`;
  }
  return checkShape(value, shape, path);
}
