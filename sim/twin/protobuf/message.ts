// Decodes a protobuf message into the JSON object a JSON client would have sent, driven by descriptors.ts.
import type { DescriptorTable, FieldDescriptor } from './descriptor-types.ts';
import { SCALAR_TYPES } from './descriptor-types.ts';
import { ProtobufDecodeError } from './errors.ts';
import { isPackable, readScalar, wireTypeOf } from './scalars.ts';
import * as special from './special.ts';
import { WIRE_BYTES, WireReader } from './wire.ts';

/** Kubernetes objects nest about 15 messages deep; anything far deeper is hostile input. */
export const MAX_DEPTH = 64;

type JsonObject = Record<string, unknown>;

/** Own-property write that cannot reach Object.prototype, whatever the key ("__proto__" included). */
function put(obj: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function own(obj: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export class MessageDecoder {
  private readonly byNumber = new Map<string, Map<number, FieldDescriptor>>();
  /** Objects that came from proto maps: dropped when empty, and their "" values are kept. */
  private readonly mapObjects = new WeakSet<object>();

  constructor(private readonly table: DescriptorTable) {}

  /** Decodes buf[start, end) as `message` and returns its JSON form (empty strings, lists and maps dropped). */
  decode(buf: Uint8Array, start: number, end: number, message: string, path = ''): JsonObject {
    const out: JsonObject = {};
    this.decodeInto(out, new WireReader(buf, start, end), message, path, 0);
    this.prune(out, 0);
    return out;
  }

  private fields(message: string, path: string): Map<number, FieldDescriptor> {
    let m = this.byNumber.get(message);
    if (!m) {
      const list = this.table.messages[message];
      if (!list) throw new ProtobufDecodeError(`no descriptor for message ${message}`, path);
      m = new Map(list.map((f) => [f[0], f]));
      this.byNumber.set(message, m);
    }
    return m;
  }

  /**
   * Proto merge semantics, as gogo-generated Unmarshal: scalars overwrite, repeated fields append,
   * embedded messages merge. Unknown field numbers are skipped (upstream: skipGenerated).
   */
  private decodeInto(target: JsonObject, r: WireReader, message: string, path: string, depth: number): void {
    if (depth > MAX_DEPTH) throw new ProtobufDecodeError(`messages nested deeper than ${MAX_DEPTH} levels`, path, r.pos);
    const fields = this.fields(message, path);
    while (!r.done) {
      const tagAt = r.pos;
      const tag = r.varint(path);
      const num = Number(tag >> 3n);
      const wire = Number(tag & 7n);
      if (num === 0 || tag >> 3n > 0x1fffffffn) throw new ProtobufDecodeError(`illegal field number ${tag >> 3n}`, path, tagAt);
      const f = fields.get(num);
      if (!f) {
        r.skip(wire, path);
        continue;
      }
      const [, name, kind, type] = f;
      const fpath = path ? `${path}.${name}` : name;
      if (kind === 2) {
        this.expectWire(wire, WIRE_BYTES, fpath, tagAt);
        const map = this.mapFor(target, name);
        const { start, end } = r.lengthDelimited(fpath);
        this.readMapEntry(map, new WireReader(r.buf, start, end), f, fpath, depth);
      } else if (kind === 1) {
        const list = this.listFor(target, name);
        if (SCALAR_TYPES.has(type) && isPackable(type) && wire === WIRE_BYTES) {
          const { start, end } = r.lengthDelimited(fpath);
          const packed = new WireReader(r.buf, start, end);
          while (!packed.done) list.push(readScalar(packed, type, `${fpath}[${list.length}]`));
        } else {
          const ipath = `${fpath}[${list.length}]`;
          list.push(this.readValue(r, wire, type, undefined, ipath, tagAt, depth));
        }
      } else if (kind === 3) {
        this.expectWire(wire, WIRE_BYTES, fpath, tagAt);
        const { start, end } = r.lengthDelimited(fpath);
        this.decodeInto(target, new WireReader(r.buf, start, end), type, path, depth + 1);
      } else {
        put(target, name, this.readValue(r, wire, type, own(target, name), fpath, tagAt, depth));
      }
    }
  }

  private expectWire(got: number, want: number, path: string, at: number): void {
    if (got !== want) throw new ProtobufDecodeError(`wrong wire type ${got} (expected ${want})`, path, at);
  }

  private readValue(r: WireReader, wire: number, type: string, existing: unknown, path: string, at: number, depth: number): unknown {
    if (SCALAR_TYPES.has(type)) {
      this.expectWire(wire, wireTypeOf(type), path, at);
      return readScalar(r, type, path);
    }
    this.expectWire(wire, WIRE_BYTES, path, at);
    const { start, end } = r.lengthDelimited(path);
    if (special.SPECIAL_MESSAGES.has(type)) return this.readSpecial(r.buf, start, end, type, path);
    const target = existing !== null && typeof existing === 'object' && !Array.isArray(existing) ? (existing as JsonObject) : {};
    this.decodeInto(target, new WireReader(r.buf, start, end), type, path, depth + 1);
    return target;
  }

  private readMapEntry(map: JsonObject, r: WireReader, f: FieldDescriptor, path: string, depth: number): void {
    const [, , , valueType, keyType = 'string'] = f;
    let key: unknown = keyType === 'string' ? '' : 0;
    let value: unknown;
    while (!r.done) {
      const at = r.pos;
      const tag = r.varint(path);
      const num = Number(tag >> 3n);
      const wire = Number(tag & 7n);
      if (num === 1) {
        this.expectWire(wire, wireTypeOf(keyType), `${path} key`, at);
        key = readScalar(r, keyType, `${path} key`);
      } else if (num === 2) {
        value = this.readValue(r, wire, valueType, value, `${path}[${String(key)}]`, at, depth);
      } else {
        r.skip(wire, path);
      }
    }
    // A missing value is the type's zero value: "" for strings, an empty message otherwise.
    if (value === undefined) value = this.zeroValue(valueType, r.buf, path);
    put(map, String(key), value);
  }

  private zeroValue(type: string, buf: Uint8Array, path: string): unknown {
    if (type === 'string' || type === 'bytes') return '';
    if (type === 'bool') return false;
    if (SCALAR_TYPES.has(type)) return 0;
    if (special.SPECIAL_MESSAGES.has(type)) return this.readSpecial(buf, 0, 0, type, path);
    return {};
  }

  /** The small apimachinery messages with custom JSON (Time, Quantity, IntOrString, …). */
  private readSpecial(buf: Uint8Array, start: number, end: number, type: string, path: string): unknown {
    const v = readLoose(buf, start, end, path);
    const num = (n: number): bigint => (typeof v.get(n) === 'bigint' ? (v.get(n) as bigint) : 0n);
    const bytes = (n: number): Uint8Array => (v.get(n) instanceof Uint8Array ? (v.get(n) as Uint8Array) : new Uint8Array());
    const text = (n: number): string => new TextDecoder().decode(bytes(n));
    switch (type) {
      case special.TIME:
        return special.timeToJson(Number(BigInt.asIntN(64, num(1))), end === start, path);
      case special.MICRO_TIME:
        return special.microTimeToJson(Number(BigInt.asIntN(64, num(1))), Number(BigInt.asIntN(32, num(2))), end === start, path);
      case special.DURATION:
        return special.durationToJson(BigInt.asIntN(64, num(1)));
      case special.QUANTITY:
        // upstream: quantity_proto.go; the zero Quantity marshals to JSON "0".
        return text(1) || '0';
      case special.INT_OR_STRING:
        return special.intOrStringToJson(Number(BigInt.asIntN(64, num(1))), Number(BigInt.asIntN(32, num(2))), text(3), path);
      default: // RawExtension.raw and FieldsV1.Raw are both field 1 holding JSON
        return special.rawJson(bytes(1), path);
    }
  }

  private mapFor(target: JsonObject, name: string): JsonObject {
    const cur = own(target, name);
    if (cur !== null && typeof cur === 'object' && this.mapObjects.has(cur)) return cur as JsonObject;
    const map: JsonObject = {};
    this.mapObjects.add(map);
    put(target, name, map);
    return map;
  }

  private listFor(target: JsonObject, name: string): unknown[] {
    const cur = own(target, name);
    if (Array.isArray(cur)) return cur;
    const list: unknown[] = [];
    put(target, name, list);
    return list;
  }

  /**
   * Go's marshaller writes every non-pointer string, even ""; encoding/json's omitempty would have left
   * it out. Drop "" fields, empty lists, empty maps and null (zero times) so the result matches JSON.
   */
  private prune(obj: JsonObject, depth: number): void {
    if (depth > MAX_DEPTH * 2) return;
    const isMap = this.mapObjects.has(obj);
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (Array.isArray(v)) {
        for (const item of v) if (item !== null && typeof item === 'object' && !Array.isArray(item)) this.prune(item as JsonObject, depth + 1);
        if (v.length === 0) delete obj[key];
      } else if (v !== null && typeof v === 'object') {
        this.prune(v as JsonObject, depth + 1);
        if (this.mapObjects.has(v) && Object.keys(v).length === 0) delete obj[key];
      } else if (!isMap && (v === '' || v === null)) {
        delete obj[key];
      }
    }
  }
}

/** Reads fields of a tiny message without a descriptor: varints as bigint, length-delimited as bytes. */
function readLoose(buf: Uint8Array, start: number, end: number, path: string): Map<number, bigint | Uint8Array> {
  const r = new WireReader(buf, start, end);
  const out = new Map<number, bigint | Uint8Array>();
  while (!r.done) {
    const at = r.pos;
    const tag = r.varint(path);
    const num = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (num === 0) throw new ProtobufDecodeError('illegal field number 0', path, at);
    if (wire === 0) out.set(num, r.varint(path));
    else if (wire === WIRE_BYTES) {
      const { start: s, end: e } = r.lengthDelimited(path);
      out.set(num, buf.subarray(s, e));
    } else r.skip(wire, path);
  }
  return out;
}
