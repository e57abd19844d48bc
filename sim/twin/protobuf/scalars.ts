// Decodes one protobuf scalar into its JSON value, checking the wire type the field was sent with.
import { ProtobufDecodeError } from './errors.ts';
import { WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, type WireReader } from './wire.ts';

const WIRE_OF: Readonly<Record<string, number>> = {
  int32: WIRE_VARINT, int64: WIRE_VARINT, uint32: WIRE_VARINT, uint64: WIRE_VARINT,
  sint32: WIRE_VARINT, sint64: WIRE_VARINT, bool: WIRE_VARINT,
  fixed64: WIRE_FIXED64, sfixed64: WIRE_FIXED64, double: WIRE_FIXED64,
  fixed32: WIRE_FIXED32, sfixed32: WIRE_FIXED32, float: WIRE_FIXED32,
  string: WIRE_BYTES, bytes: WIRE_BYTES,
};

export function wireTypeOf(scalar: string): number {
  return WIRE_OF[scalar] ?? WIRE_BYTES;
}

/** Scalars that proto2 `repeated` may also send packed in one length-delimited run. */
export function isPackable(scalar: string): boolean {
  const w = WIRE_OF[scalar];
  return w !== undefined && w !== WIRE_BYTES;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function zigzag(v: bigint): bigint {
  return (v >> 1n) ^ -(v & 1n);
}

function finite(n: number, path: string): number {
  // encoding/json refuses NaN and ±Inf, so a JSON client could never have sent them.
  if (!Number.isFinite(n)) throw new ProtobufDecodeError(`floating-point value ${n} has no JSON form`, path);
  return n;
}

/** Reads a scalar whose wire type the caller has already checked against wireTypeOf(type). */
export function readScalar(r: WireReader, type: string, path: string): unknown {
  switch (type) {
    case 'string': {
      const { start, end } = r.lengthDelimited(path);
      return utf8.decode(r.buf.subarray(start, end));
    }
    case 'bytes': {
      // encoding/json writes []byte as standard base64.
      const { start, end } = r.lengthDelimited(path);
      return Buffer.from(r.buf.buffer, r.buf.byteOffset + start, end - start).toString('base64');
    }
    case 'bool':
      return r.varint(path) !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, r.varint(path)));
    case 'int64':
      return Number(BigInt.asIntN(64, r.varint(path)));
    case 'uint32':
      return Number(BigInt.asUintN(32, r.varint(path)));
    case 'uint64':
      return Number(r.varint(path));
    case 'sint32':
      return Number(BigInt.asIntN(32, zigzag(r.varint(path))));
    case 'sint64':
      return Number(BigInt.asIntN(64, zigzag(r.varint(path))));
    case 'fixed32':
      return r.fixed32(path).getUint32(0, true);
    case 'sfixed32':
      return r.fixed32(path).getInt32(0, true);
    case 'float':
      return finite(r.fixed32(path).getFloat32(0, true), path);
    case 'fixed64':
      return Number(r.fixed64(path).getBigUint64(0, true));
    case 'sfixed64':
      return Number(r.fixed64(path).getBigInt64(0, true));
    case 'double':
      return finite(r.fixed64(path).getFloat64(0, true), path);
    default:
      throw new ProtobufDecodeError(`unsupported scalar type ${type}`, path, r.pos);
  }
}
