// The JSON Schema subset profile.schema.json uses, and a walker that checks a value against it.
// Dependency-free on purpose: the subset is small, and we want messages that say what was
// expected in flight-profile terms (patternErrorMessage, did-you-mean) rather than ajv's.

import { didYouMean, suggestion } from './did-you-mean.ts';
import type { Issue, Path } from './path.ts';

type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** VS Code / yaml-language-server extension: the message shown when `pattern` fails. */
  patternErrorMessage?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  $defs?: Record<string, JsonSchema>;
}

const TYPE_NAMES: Record<JsonType, string> = {
  object: 'a mapping', array: 'a list', string: 'a string', number: 'a number',
  integer: 'a whole number', boolean: 'true or false', null: 'nothing',
};

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function typeOf(value: unknown): JsonType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function admits(types: JsonType | JsonType[] | undefined, value: unknown): boolean {
  if (types === undefined) return true;
  const t = typeOf(value);
  const list = Array.isArray(types) ? types : [types];
  return list.includes(t) || (t === 'integer' && list.includes('number'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a schema expects, as a phrase: its patternErrorMessage, title, or type names. */
function expected(schema: JsonSchema): string {
  if (schema.patternErrorMessage) return schema.patternErrorMessage;
  if (schema.const !== undefined) return `expected ${JSON.stringify(schema.const)}`;
  if (schema.title) return `expected ${schema.title}`;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return `expected ${types.map((t) => TYPE_NAMES[t]).join(' or ') || 'a value'}`;
}

export class SchemaWalker {
  private readonly root: JsonSchema;
  constructor(root: JsonSchema) {
    this.root = root;
  }

  /** Every issue in `value`; never throws on any JSON-like input. */
  validate(value: unknown): Issue[] {
    const issues: Issue[] = [];
    this.walk(value, this.root, [], issues);
    return issues;
  }

  private resolve(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let hops = 0; s.$ref !== undefined && hops < 32; hops++) {
      const name = s.$ref.replace(/^#\/\$defs\//, '');
      const target = this.root.$defs?.[name];
      if (!target) throw new Error(`profile schema: unresolved $ref ${s.$ref}`);
      s = target;
    }
    return s;
  }

  private walk(value: unknown, raw: JsonSchema, path: Path, out: Issue[]): void {
    const schema = this.resolve(raw);
    if (schema.oneOf) return this.oneOf(value, schema, path, out);
    if (schema.const !== undefined && value !== schema.const) {
      out.push({ path, on: 'value', message: `${expected(schema)}, got ${describeValue(value)}` });
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) {
      const names = schema.enum.map(String);
      const hint = typeof value === 'string' ? suggestion(value, names) : '';
      out.push({ path, on: 'value', message: `expected one of ${names.join(', ')}; got ${describeValue(value)}${hint}` });
      return;
    }
    if (!admits(schema.type, value)) {
      out.push({ path, on: 'value', message: `${expected(schema)}, got ${describeValue(value)}` });
      return;
    }
    if (typeof value === 'string') this.string(value, schema, path, out);
    else if (typeof value === 'number') this.number(value, schema, path, out);
    else if (Array.isArray(value)) this.array(value, schema, path, out);
    else if (isRecord(value)) this.object(value, schema, path, out);
  }

  private string(value: string, schema: JsonSchema, path: Path, out: Issue[]): void {
    const got = `, got ${describeValue(value)}`;
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      out.push({ path, on: 'value', message: value === '' ? `must not be empty` : `must be at least ${schema.minLength} characters${got}` });
    } else if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      out.push({ path, on: 'value', message: `must be at most ${schema.maxLength} characters, got ${value.length}` });
    } else if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      out.push({ path, on: 'value', message: `${schema.patternErrorMessage ?? `expected to match ${schema.pattern}`}${got}` });
    }
  }

  private number(value: number, schema: JsonSchema, path: Path, out: Issue[]): void {
    if (schema.minimum !== undefined && value < schema.minimum) {
      out.push({ path, on: 'value', message: `must be at least ${schema.minimum}, got ${value}` });
    } else if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      out.push({ path, on: 'value', message: `must be greater than ${schema.exclusiveMinimum}, got ${value}` });
    } else if (schema.maximum !== undefined && value > schema.maximum) {
      out.push({ path, on: 'value', message: `must be at most ${schema.maximum}, got ${value}` });
    }
  }

  private array(value: unknown[], schema: JsonSchema, path: Path, out: Issue[]): void {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      out.push({ path, on: 'value', message: `needs at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}` });
    }
    if (schema.items) value.forEach((item, i) => this.walk(item, schema.items as JsonSchema, [...path, i], out));
  }

  private object(value: Record<string, unknown>, schema: JsonSchema, path: Path, out: Issue[]): void {
    const props = schema.properties ?? {};
    const known = Object.keys(props);
    const suggested = new Set<string>();
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      if (schema.propertyNames) {
        const before = out.length;
        this.walk(key, schema.propertyNames, at, out);
        for (let i = before; i < out.length; i++) (out[i] as Issue).on = 'key';
      }
      const sub = Object.hasOwn(props, key) ? props[key] : undefined;
      if (sub) {
        this.walk(value[key], sub, at, out);
      } else if (schema.additionalProperties === false) {
        const close = didYouMean(key, known);
        if (close !== undefined) suggested.add(close);
        const hint = close === undefined ? '' : ` (did you mean "${close}"?)`;
        const list = hint ? '' : known.length ? `; expected one of ${known.join(', ')}` : '';
        out.push({ path: at, on: 'key', message: `unknown field ${JSON.stringify(key)}${hint}${list}` });
      } else if (typeof schema.additionalProperties === 'object') {
        this.walk(value[key], schema.additionalProperties, at, out);
      }
    }
    for (const name of schema.required ?? []) {
      // A misspelt required field is reported once, as the unknown field with its suggestion.
      if (!Object.hasOwn(value, name) && !suggested.has(name)) {
        out.push({ path, on: 'value', message: `missing required field "${name}"` });
      }
    }
  }

  private oneOf(value: unknown, schema: JsonSchema, path: Path, out: Issue[]): void {
    const branches = (schema.oneOf ?? []).map((b) => this.resolve(b));
    const typed = branches.filter((b) => admits(b.type, value));
    if (typed.length === 0) {
      const phrases = [...new Set(branches.map((b) => expected(b).replace(/^expected /, '')))];
      out.push({ path, on: 'value', message: `expected ${phrases.join(' or ')}, got ${describeValue(value)}` });
      return;
    }
    if (typed.length === 1) {
      // A value that fails its only candidate at the top gets told every alternative ("always" or a window).
      const issues: Issue[] = [];
      this.walk(value, typed[0] as JsonSchema, path, issues);
      if (branches.length > 1 && issues.length === 1 && issues[0]?.path.length === path.length) {
        const phrases = [...new Set(branches.map((b) => expected(b).replace(/^expected /, '')))];
        out.push({ path, on: 'value', message: `expected ${phrases.join(' or ')}, got ${describeValue(value)}` });
      } else out.push(...issues);
      return;
    }
    const key = isRecord(value) ? discriminator(typed) : undefined;
    if (key !== undefined && isRecord(value)) {
      const names = typed.map((b) => String(b.properties?.[key]?.const));
      const tag = value[key];
      const match = typed.find((b) => b.properties?.[key]?.const === tag);
      if (match) return this.walk(value, match, path, out);
      const typo = tag === undefined ? Object.keys(value).find((k) => didYouMean(k, [key]) === key) : undefined;
      if (typo !== undefined) {
        out.push({ path: [...path, typo], on: 'key', message: `unknown field ${JSON.stringify(typo)} (did you mean "${key}"?)` });
      } else if (tag === undefined) {
        out.push({ path, on: 'value', message: `missing required field "${key}" (one of ${names.join(', ')})` });
      } else {
        const hint = typeof tag === 'string' ? suggestion(tag, names) : '';
        out.push({ path: [...path, key], on: 'value', message: `unknown ${key} ${describeValue(tag)}${hint}; expected one of ${names.join(', ')}` });
      }
      return;
    }
    // No discriminator: the first branch that fits, else the closest one's complaints.
    let best: Issue[] | undefined;
    for (const b of typed) {
      const issues: Issue[] = [];
      this.walk(value, b, path, issues);
      if (issues.length === 0) return;
      if (!best || issues.length < best.length) best = issues;
    }
    out.push(...(best ?? []));
  }
}

/** The property every branch pins with a `const` (e.g. `event`, `type`), if there is one. */
function discriminator(branches: JsonSchema[]): string | undefined {
  const first = branches[0]?.properties ?? {};
  return Object.keys(first).find((k) => branches.every((b) => b.properties?.[k]?.const !== undefined));
}
