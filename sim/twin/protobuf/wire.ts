// Protobuf wire-format reader: varints, fixed 32/64-bit words and length-delimited slices, bounds-checked.
import { ProtobufDecodeError } from './errors.ts';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

/** Reads one region [start, end) of a buffer; offsets in errors are absolute within the whole body. */
export class WireReader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint as an unsigned 64-bit bigint (upstream: gogo-protobuf's generated Unmarshal loops, shift < 64). */
  varint(path: string): bigint {
    const at = this.pos;
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.end) throw new ProtobufDecodeError('unexpected end of data in varint', path, at);
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) {
        if (shift === 63n && b > 1) break; // 10th byte may only carry the top bit
        return BigInt.asUintN(64, result);
      }
    }
    throw new ProtobufDecodeError('varint overflows 64 bits', path, at);
  }

  /** A small varint (tags, lengths) as a number; rejects anything above 2^31 as a length would be bogus. */
  smallVarint(path: string): number {
    const at = this.pos;
    const v = this.varint(path);
    if (v > 0x7fffffffn) throw new ProtobufDecodeError(`value ${v} is too large here`, path, at);
    return Number(v);
  }

  fixed32(path: string): DataView {
    return this.view(4, path);
  }

  fixed64(path: string): DataView {
    return this.view(8, path);
  }

  /** The bounds of a length-delimited payload; advances past it. */
  lengthDelimited(path: string): { start: number; end: number } {
    const at = this.pos;
    const len = this.smallVarint(path);
    if (len > this.end - this.pos) {
      throw new ProtobufDecodeError(`length ${len} runs past the end of the enclosing message`, path, at);
    }
    const start = this.pos;
    this.pos += len;
    return { start, end: this.pos };
  }

  /** Skips a field of an unknown number (upstream: skipGenerated); groups are not used by Kubernetes. */
  skip(wireType: number, path: string): void {
    if (wireType === WIRE_VARINT) this.varint(path);
    else if (wireType === WIRE_FIXED64) this.view(8, path);
    else if (wireType === WIRE_BYTES) this.lengthDelimited(path);
    else if (wireType === WIRE_FIXED32) this.view(4, path);
    else throw new ProtobufDecodeError(`unsupported wire type ${wireType}`, path, this.pos);
  }

  private view(n: number, path: string): DataView {
    if (this.end - this.pos < n) throw new ProtobufDecodeError(`unexpected end of data in ${n * 8}-bit value`, path, this.pos);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return v;
  }
}
