// Test-only protobuf encoder driven by the same descriptor table, to build bodies the decoder must read back.
import { DESCRIPTORS, type DescriptorTable, type FieldDescriptor } from '../../../../sim/twin/protobuf/index.ts';

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

class Writer {
  private bytes: number[] = [];
  varint(v: bigint | number): this {
    let x = BigInt.asUintN(64, BigInt(v));
    while (x >= 0x80n) {
      this.bytes.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.bytes.push(Number(x));
    return this;
  }
  tag(num: number, wire: number): this {
    return this.varint((num << 3) | wire);
  }
  raw(b: Uint8Array | number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  lenDelim(num: number, payload: Uint8Array): this {
    return this.tag(num, 2).varint(payload.length).raw(payload);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export interface EncodeOptions {
  /** Send repeated scalars packed (proto3 style) instead of one tag per element, as gogo does. */
  packed?: boolean;
  table?: DescriptorTable;
}

const utf8 = new TextEncoder();

function scalarWire(type: string): number {
  return type === 'string' || type === 'bytes' ? 2 : type.includes('fixed64') || type === 'double' ? 1 : type.includes('fixed32') || type === 'float' ? 5 : 0;
}

function writeScalarPayload(w: Writer, type: string, v: unknown): void {
  if (type === 'string') {
    const b = utf8.encode(String(v));
    w.varint(b.length).raw(b);
  } else if (type === 'bytes') {
    const b = Buffer.from(String(v), 'base64');
    w.varint(b.length).raw(b);
  } else if (type === 'bool') w.varint(v ? 1 : 0);
  else if (type === 'sint32' || type === 'sint64') {
    const n = BigInt(v as number);
    w.varint((n << 1n) ^ (n < 0n ? -1n : 0n));
  } else w.varint(BigInt(v as number));
}

function encodeSpecial(type: string, v: unknown): Uint8Array | undefined {
  const w = new Writer();
  switch (type) {
    case `${META}.Time`:
      if (v === null) return new Uint8Array();
      return w.tag(1, 0).varint(Date.parse(String(v)) / 1000).done();
    case `${META}.MicroTime`: {
      const ms = Date.parse(String(v));
      const micros = Number(/\.(\d{6})/.exec(String(v))?.[1] ?? 0);
      return w.tag(1, 0).varint(Math.floor(ms / 1000)).tag(2, 0).varint(micros * 1000).done();
    }
    case 'k8s.io.apimachinery.pkg.api.resource.Quantity':
      return w.lenDelim(1, utf8.encode(String(v))).done();
    case 'k8s.io.apimachinery.pkg.util.intstr.IntOrString':
      return typeof v === 'number'
        ? w.tag(1, 0).varint(0).tag(2, 0).varint(v).done()
        : w.tag(1, 0).varint(1).lenDelim(3, utf8.encode(String(v))).done();
    case `${META}.FieldsV1`:
    case 'k8s.io.apimachinery.pkg.runtime.RawExtension':
      return w.lenDelim(1, utf8.encode(JSON.stringify(v))).done();
    default:
      return undefined;
  }
}

/** Encodes a JSON object as the protobuf message `message`; inline fields read from the same object. */
export function encodeMessage(obj: Record<string, unknown>, message: string, opts: EncodeOptions = {}): Uint8Array {
  const table = opts.table ?? DESCRIPTORS;
  const fields = table.messages[message];
  if (!fields) throw new Error(`no descriptor ${message}`);
  const w = new Writer();
  for (const f of fields) writeField(w, f, obj, opts, table);
  return w.done();
}

function writeValue(w: Writer, num: number, type: string, v: unknown, opts: EncodeOptions, table: DescriptorTable): void {
  if (table.messages[type]) {
    const special = encodeSpecial(type, v);
    w.lenDelim(num, special ?? encodeMessage(v as Record<string, unknown>, type, opts));
  } else {
    w.tag(num, scalarWire(type));
    writeScalarPayload(w, type, v);
  }
}

function writeField(w: Writer, f: FieldDescriptor, obj: Record<string, unknown>, opts: EncodeOptions, table: DescriptorTable): void {
  const [num, name, kind, type, keyType] = f;
  if (kind === 3) {
    w.lenDelim(num, encodeMessage(obj, type, opts));
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(obj, name)) return;
  const v = obj[name];
  if (kind === 2) {
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      const e = new Writer();
      writeValue(e, 1, keyType ?? 'string', k, opts, table);
      writeValue(e, 2, type, val, opts, table);
      w.lenDelim(num, e.done());
    }
  } else if (kind === 1) {
    const list = v as unknown[];
    if (opts.packed && !table.messages[type] && scalarWire(type) !== 2) {
      const p = new Writer();
      for (const item of list) writeScalarPayload(p, type, item);
      w.lenDelim(num, p.done());
    } else for (const item of list) writeValue(w, num, type, item, opts, table);
  } else writeValue(w, num, type, v, opts, table);
}

/** Wraps a typed message in upstream's envelope: "k8s\0" + runtime.Unknown{typeMeta, raw}. */
export function envelope(apiVersion: string, kind: string, raw: Uint8Array, extra: Uint8Array = new Uint8Array()): Uint8Array {
  const tm = new Writer().lenDelim(1, utf8.encode(apiVersion)).lenDelim(2, utf8.encode(kind)).done();
  const unknown = new Writer().lenDelim(1, tm).lenDelim(2, raw).raw(extra).done();
  return Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...unknown]);
}

/** Encodes a JSON object of a served kind, envelope included. */
export function encodeObject(obj: Record<string, unknown>, opts: EncodeOptions = {}): Uint8Array {
  const table = opts.table ?? DESCRIPTORS;
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  const message = table.kinds[`${apiVersion}/${kind}`] ?? table.kinds[`*/${kind}`];
  if (!message) throw new Error(`unknown kind ${apiVersion}/${kind}`);
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return envelope(apiVersion, kind, encodeMessage(rest, message, opts));
}

export { Writer };
