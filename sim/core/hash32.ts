// MurmurHash3 x86_32 over 32-bit words and strings: seeds the PRNG and derives forked streams.
// upstream: Austin Appleby, MurmurHash3.cpp (public domain), MurmurHash3_x86_32 body and fmix32.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** The MurmurHash3 finaliser: a bijection on 32-bit words with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = rotl(k, 15);
  k = Math.imul(k, C2);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Hashes a sequence of 32-bit words (each a 4-byte block). */
export function hashWords(words: readonly number[], seed: number): number {
  let h = seed | 0;
  for (const w of words) h = mixBlock(h, w | 0);
  return fmix32(h ^ (words.length * 4));
}

/** Hashes a string's UTF-16 code units, one block each (deterministic, not byte-compatible with MurmurHash3 of UTF-8). */
export function hashString(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = mixBlock(h, s.charCodeAt(i));
  return fmix32(h ^ (s.length * 4));
}
