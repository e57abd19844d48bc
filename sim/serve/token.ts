// The instructor's token: 128 random bits, compared in constant time so a trainee cannot learn it byte by byte.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(16).toString('hex');
}

/**
 * True when `given` is the token. Both sides are hashed first: timingSafeEqual needs equal lengths, and
 * comparing digests hides the token's length as well as its bytes.
 */
export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
