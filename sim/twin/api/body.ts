// Reads a request body with a size limit and decodes it by Content-Type (JSON or YAML), with upstream's errors.
import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeKubernetesProtobuf, ProtobufDecodeError, PROTOBUF_CONTENT_TYPE } from '../protobuf/index.ts';
import { ApiError, errors } from './errors.ts';

/** upstream: --max-request-body-bytes default, 3 MiB. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(errors.tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(errors.tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

const JSON_TYPES = new Set(['application/json', '']);
const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml']);

/** Decodes a create/update body. Unknown media types answer 415, malformed data 400. */
export function decodeObjectBody(buf: Buffer, contentType: string | undefined): unknown {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (JSON_TYPES.has(base)) return decodeJson(buf);
  if (YAML_TYPES.has(base)) {
    try {
      return parseYaml(buf.toString('utf8'));
    } catch (e) {
      throw errors.badRequest(`error converting YAML to JSON: ${(e as Error).message}`);
    }
  }
  if (base === PROTOBUF_CONTENT_TYPE) {
    // kubectl's typed clients (create, run, drain's evictions) send protobuf; the twin stores JSON.
    try {
      return decodeKubernetesProtobuf(buf);
    } catch (e) {
      if (e instanceof ProtobufDecodeError) throw errors.badRequest(`unable to decode protobuf body: ${e.message}`);
      throw e;
    }
  }
  throw errors.unsupportedMediaType(base, ['application/json', 'application/yaml', PROTOBUF_CONTENT_TYPE]);
}

export function decodeJson(buf: Buffer): unknown {
  if (buf.length === 0) throw errors.badRequest('the request body is empty');
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch (e) {
    // upstream wording for a body that does not decode: "couldn't get version/kind; json parse error: …"
    throw new ApiError(400, 'BadRequest', `couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}
