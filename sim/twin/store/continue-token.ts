// The opaque `continue` token of a paged list: where the last page stopped, and the snapshot it belongs to.
import { StoreError } from './errors.ts';

export interface ContinuePosition {
  /** The resourceVersion of the first page: every page of one list shows the store as it was then. */
  rv: number;
  /** The objectKey of the last item examined; the next page starts strictly after it. */
  lastKey: string;
}

// upstream: k8s.io/apiserver/pkg/storage/continue.go EncodeContinue — base64url (no padding) of
// {"v":"meta.k8s.io/v1","rv":N,"start":"<key>\u0000"}; "start" is the first key the next page may return.
const VERSION = 'meta.k8s.io/v1';

export function encodeContinue(pos: ContinuePosition): string {
  const json = JSON.stringify({ v: VERSION, rv: pos.rv, start: `${pos.lastKey}\u0000` });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** upstream: DecodeContinue — a token that does not parse is a client error, not an expired one. */
export function decodeContinue(token: string): ContinuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not valid base64url JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('not an object');
  const { v, rv, start } = parsed as Record<string, unknown>;
  if (v !== VERSION) throw invalid(`unknown version ${JSON.stringify(v)}`);
  if (typeof rv !== 'number' || !Number.isSafeInteger(rv) || rv < 1) throw invalid('bad resourceVersion');
  if (typeof start !== 'string' || !start.endsWith('\u0000') || start.length < 2) throw invalid('bad start key');
  return { rv, lastKey: start.slice(0, -1) };
}

function invalid(why: string): StoreError {
  return new StoreError('Invalid', `continue token is not valid (${why}); restart the list without it`);
}
