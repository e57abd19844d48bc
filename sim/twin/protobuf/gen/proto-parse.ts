// Parses the subset of proto2 that go-to-protobuf emits (package, flat messages, optional/repeated/map fields).
import { SCALAR_TYPES } from '../descriptor-types.ts';

export interface ParsedField {
  number: number;
  name: string;
  label: 'optional' | 'repeated' | 'map';
  /** Scalar name, or a message name as written (relative, qualified, or with a leading dot). */
  type: string;
  keyType?: string;
}

export interface ParsedFile {
  pkg: string;
  messages: Map<string, ParsedField[]>;
}

/** Removes // and block comments, keeping string literals intact enough for our grammar (no '//' inside them). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

const FIELD = /^(optional|repeated|required)\s+([.\w]+)\s+(\w+)\s*=\s*(\d+)\s*(\[[^\]]*\])?\s*;$/;
const MAP_FIELD = /^map\s*<\s*(\w+)\s*,\s*([.\w]+)\s*>\s+(\w+)\s*=\s*(\d+)\s*(\[[^\]]*\])?\s*;$/;

export function parseProto(text: string, source: string): ParsedFile {
  const body = stripComments(text);
  const pkg = /\bpackage\s+([\w.]+)\s*;/.exec(body)?.[1];
  if (!pkg) throw new Error(`${source}: no package statement`);
  const messages = new Map<string, ParsedField[]>();
  const re = /\bmessage\s+(\w+)\s*\{([^{}]*)\}/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const fields: ParsedField[] = [];
    for (const raw of m[2]!.split(';')) {
      const stmt = raw.trim();
      if (!stmt) continue;
      const line = `${stmt};`;
      const f = FIELD.exec(line);
      const mf = f ? null : MAP_FIELD.exec(line);
      if (f) {
        fields.push({ number: Number(f[4]), name: f[3]!, label: f[1] === 'repeated' ? 'repeated' : 'optional', type: f[2]! });
      } else if (mf) {
        fields.push({ number: Number(mf[4]), name: mf[3]!, label: 'map', type: mf[2]!, keyType: mf[1]! });
      } else if (!/^(option|reserved|extensions)\b/.test(stmt)) {
        throw new Error(`${source}: message ${m[1]}: cannot parse "${stmt}"`);
      }
    }
    messages.set(`${pkg}.${m[1]}`, fields);
  }
  return { pkg, messages };
}

/** Resolves a type reference written inside package `pkg` against the set of known message names. */
export function resolveType(type: string, pkg: string, known: ReadonlySet<string>): string {
  if (SCALAR_TYPES.has(type)) return type;
  if (type.startsWith('.')) return type.slice(1);
  // proto scoping: try the innermost package first, then each enclosing one.
  const parts = pkg.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), type].join('.');
    if (known.has(candidate)) return candidate;
  }
  return type; // fully qualified without a leading dot, or unknown (reported by the caller)
}
