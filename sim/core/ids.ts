// Identifiers drawn from a seeded stream, so object uids and generated names repeat run to run.
import type { SeededRandom } from './seeded-random.ts';

/** upstream: k8s.io/apimachinery/pkg/util/rand — no vowels, so generated names do not spell words. */
export const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * n characters from SUFFIX_ALPHABET, uniformly. Upstream's rand.String(n) takes 5-bit slices of an
 * int63 and rejects values >= 27, which is also uniform; the characters differ, the distribution not.
 */
export function randomSuffix(random: SeededRandom, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`randomSuffix: length must be an integer >= 0, got ${n}`);
  let out = '';
  for (let i = 0; i < n; i++) out += SUFFIX_ALPHABET[random.int(0, SUFFIX_ALPHABET.length)];
  return out;
}

/** upstream: k8s.io/apiserver/pkg/storage/names/generate.go — maxNameLength 63, randomLength 5. */
export const MAX_GENERATED_NAME_LENGTH = 63 - 5;

/**
 * metadata.generateName → name: the base cut to 58 characters plus 5 random ones.
 * upstream: k8s.io/apiserver/pkg/storage/names/generate.go simpleNameGenerator.GenerateName.
 */
export function generateName(random: SeededRandom, base: string): string {
  return base.slice(0, MAX_GENERATED_NAME_LENGTH) + randomSuffix(random, 5);
}

const hex = (word: number): string => (word >>> 0).toString(16).padStart(8, '0');

/**
 * An RFC 4122 version-4 UUID built from 128 bits of the stream (version nibble 4, variant 10xx),
 * lowercase 8-4-4-4-12 as Kubernetes metadata.uid (upstream: k8s.io/apimachinery/pkg/util/uuid NewUUID).
 */
export function uuidFrom(random: SeededRandom): string {
  const a = random.uint32();
  const b = (random.uint32() & 0xffff0fff) | 0x00004000; // version 4 in bits 12-15 of time_hi_and_version
  const c = (random.uint32() & 0x3fffffff) | 0x80000000; // variant 10xx in the top bits of clock_seq
  const d = random.uint32();
  const bh = hex(b);
  const ch = hex(c);
  return `${hex(a)}-${bh.slice(0, 4)}-${bh.slice(4)}-${ch.slice(0, 4)}-${ch.slice(4)}${hex(d)}`;
}
