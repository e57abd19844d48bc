// Identifiers drawn from a seeded stream, so object uids and generated names repeat run to run.
import { Buffer } from 'node:buffer';
import type { SeededRandom } from './seeded-random.ts';

/** upstream: k8s.io/apimachinery/pkg/util/rand — no vowels, so generated names do not spell words. */
export const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * n characters from SUFFIX_ALPHABET, uniformly. Upstream's rand.String(n) takes 5-bit slices of an
 * int63 and rejects values >= 27, which is also uniform; the characters differ, the distribution not.
 */
export function randomSuffix(random: SeededRandom, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`randomSuffix: length must be an integer >= 0, got ${n}`);
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = SUFFIX_ALPHABET.charCodeAt(random.int(0, SUFFIX_ALPHABET.length));
  return flatString(codes);
}

/**
 * One flat string from character codes. Identifiers live as long as their objects (a twin holds hundreds of
 * thousands), and a string built with `+=` or a template is a V8 rope of many heap cells; this one is a single cell.
 */
export function flatString(codes: readonly number[]): string {
  if (codes.length > SCRATCH.length || codes.some((c) => c > 0xff)) return String.fromCharCode.apply(null, codes as number[]);
  for (let i = 0; i < codes.length; i++) SCRATCH[i] = codes[i]!;
  return scratchString(codes.length);
}

/**
 * The identifiers are ASCII: written byte by byte into one reused buffer and read out as a single flat string,
 * the string is all they allocate. (`String.fromCharCode.apply` over the codes also built an arguments list as
 * long as the string, ~300 bytes of garbage per uid, and a twin mints a uid per object and per Event.)
 */
const SCRATCH = Buffer.alloc(256);

function scratchString(length: number): string {
  return SCRATCH.toString('latin1', 0, length);
}

const HEX_CODES = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const DASH = 45;

/** `words` 32-bit words of the stream as 8·words lowercase hex digits (container ids and the like), flat. */
export function hexFrom(random: SeededRandom, words: number): string {
  if (!Number.isInteger(words) || words < 0 || words * 8 > SCRATCH.length) throw new RangeError(`hexFrom: words must be an integer from 0 to ${SCRATCH.length / 8}, got ${words}`);
  for (let i = 0; i < words; i++) putHex(SCRATCH, i * 8, random.uint32(), 8);
  return scratchString(words * 8);
}

/** upstream: k8s.io/apiserver/pkg/storage/names/generate.go — maxNameLength 63, randomLength 5. */
export const MAX_GENERATED_NAME_LENGTH = 63 - 5;

/**
 * metadata.generateName → name: the base cut to 58 characters plus 5 random ones.
 * upstream: k8s.io/apiserver/pkg/storage/names/generate.go simpleNameGenerator.GenerateName.
 */
export function generateName(random: SeededRandom, base: string): string {
  const codes: number[] = [];
  const head = base.slice(0, MAX_GENERATED_NAME_LENGTH);
  for (let i = 0; i < head.length; i++) codes.push(head.charCodeAt(i));
  for (let i = 0; i < 5; i++) codes.push(SUFFIX_ALPHABET.charCodeAt(random.int(0, SUFFIX_ALPHABET.length)));
  return flatString(codes);
}

/**
 * An RFC 4122 version-4 UUID built from 128 bits of the stream (version nibble 4, variant 10xx),
 * lowercase 8-4-4-4-12 as Kubernetes metadata.uid (upstream: k8s.io/apimachinery/pkg/util/uuid NewUUID).
 */
export function uuidFrom(random: SeededRandom): string {
  const a = random.uint32();
  const b = (random.uint32() & 0xffff0fff) | 0x00004000; // version 4 in bits 12-15 of time_hi_and_version
  const c = (random.uint32() & 0x3fffffff) | 0x80000000; // variant 10xx in the top bits of clock_seq
  const d = random.uint32();
  // 8-4-4-4-12: the 32 hex digits of a, b, c, d with dashes after the 8th, 12th, 16th and 20th.
  const out = SCRATCH;
  putHex(out, 0, a, 8);
  out[8] = DASH;
  putHex(out, 9, b >>> 16, 4);
  out[13] = DASH;
  putHex(out, 14, b & 0xffff, 4);
  out[18] = DASH;
  putHex(out, 19, c >>> 16, 4);
  out[23] = DASH;
  putHex(out, 24, c & 0xffff, 4);
  putHex(out, 28, d, 8);
  return scratchString(36);
}

/** The `digits` low hex digits of `word`, most significant first, into `out` from `at`. */
function putHex(out: Uint8Array, at: number, word: number, digits: number): void {
  for (let i = digits - 1; i >= 0; i--) {
    out[at + i] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
}
