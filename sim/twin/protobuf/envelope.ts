// Unwraps upstream's protobuf envelope ("k8s\0" + runtime.Unknown) and decodes the typed object inside.
import type { DescriptorTable } from './descriptor-types.ts';
import { DESCRIPTORS } from './descriptors.ts';
import { ProtobufDecodeError } from './errors.ts';
import { MessageDecoder } from './message.ts';
import { WIRE_BYTES, WireReader } from './wire.ts';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

/** upstream: runtime/serializer/protobuf/protobuf.go protoEncodingPrefix. */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const UNKNOWN = 'k8s.io.apimachinery.pkg.runtime.Unknown';

export interface DecodeDefaults {
  /** Used when the envelope's typeMeta leaves them empty (upstream: copyKindDefaults from the request's GVK). */
  apiVersion?: string;
  kind?: string;
}

let shared: MessageDecoder | undefined;

function decoderFor(table: DescriptorTable): MessageDecoder {
  if (table === DESCRIPTORS) return (shared ??= new MessageDecoder(DESCRIPTORS));
  return new MessageDecoder(table);
}

/**
 * Decodes a Kubernetes protobuf body into the JSON object a JSON client would have sent, with apiVersion
 * and kind set from the envelope. Throws ProtobufDecodeError, and nothing else, on any malformed input.
 * upstream: k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go (*Serializer).Decode.
 */
export function decodeKubernetesProtobuf(
  body: Uint8Array,
  defaults: DecodeDefaults = {},
  table: DescriptorTable = DESCRIPTORS,
): Record<string, unknown> {
  if (body.length === 0) throw new ProtobufDecodeError('empty data');
  if (body.length < MAGIC.length || MAGIC.some((b, i) => body[i] !== b)) {
    throw new ProtobufDecodeError(`provided data does not appear to be a protobuf message, expected prefix [${MAGIC.join(' ')}]`, '', 0);
  }
  if (body.length === MAGIC.length) throw new ProtobufDecodeError('empty body');
  try {
    return decodeEnvelope(body, defaults, decoderFor(table), table);
  } catch (e) {
    if (e instanceof ProtobufDecodeError) throw e;
    // Belt and braces: a bug must still surface as a 400-class decode error, never as a crash.
    throw new ProtobufDecodeError(`internal decoder error: ${(e as Error)?.message ?? String(e)}`);
  }
}

function decodeEnvelope(
  body: Uint8Array,
  defaults: DecodeDefaults,
  decoder: MessageDecoder,
  table: DescriptorTable,
): Record<string, unknown> {
  const unknown = decoder.decode(body, MAGIC.length, body.length, UNKNOWN, '');
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const apiVersion = typeMeta.apiVersion || defaults.apiVersion || '';
  const kind = typeMeta.kind || defaults.kind || '';
  // upstream: runtime.NewMissingKindErr / NewMissingVersionErr wording.
  if (!kind) throw new ProtobufDecodeError("Object 'Kind' is missing in the protobuf envelope");
  if (!apiVersion) throw new ProtobufDecodeError("Object 'apiVersion' is missing in the protobuf envelope");
  const message = table.kinds[`${apiVersion}/${kind}`] ?? table.kinds[`*/${kind}`];
  if (!message) throw new ProtobufDecodeError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  // Re-locate raw (field 2) in the body so error offsets stay absolute; base64 from the generic pass is not needed.
  const raw = findRaw(body);
  const obj = raw ? decoder.decode(body, raw.start, raw.end, message, '') : {};
  return { apiVersion, kind, ...obj };
}

/** Finds the last `raw` (field 2) payload of the runtime.Unknown that follows the magic prefix. */
function findRaw(body: Uint8Array): { start: number; end: number } | undefined {
  const r = new WireReader(body, MAGIC.length);
  let found: { start: number; end: number } | undefined;
  while (!r.done) {
    const tag = r.varint('');
    const wire = Number(tag & 7n);
    if (tag >> 3n === 2n && wire === WIRE_BYTES) found = r.lengthDelimited('raw');
    else r.skip(wire, '');
  }
  return found;
}
