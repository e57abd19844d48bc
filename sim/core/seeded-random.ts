// A seeded, forkable PRNG (xoshiro128**) so every run with the same seed makes the same choices.
import { hashString, hashWords } from './hash32.ts';

const TWO_32 = 2 ** 32;

/** The seed a profile or `--seed N` gives: an integer (up to 2^53) or any string. */
export type Seed = number | string;

/**
 * xoshiro128** 1.1 (David Blackman and Sebastiano Vigna, 2018, https://prng.di.unimi.it/xoshiro128starstar.c):
 * 128-bit state, period 2^128 − 1, passes BigCrush, and is a handful of 32-bit ops per draw in JS.
 * Not for secrets.
 *
 * Streams are identified by a 128-bit key: the root key comes from the seed, and fork(label)
 * derives a child key from the parent's key and the label only — never from how many numbers the
 * parent has drawn. So a controller drawing one more number leaves every other stream unchanged.
 */
export class SeededRandom {
  private streamPath = '';
  private key: readonly number[] = [];
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: Seed) {
    this.reset(String(seed), rootKey(seed));
  }

  /**
   * A stream started from an exact xoshiro128** state (checked against the reference C code's
   * vectors in the tests). Forks of it derive from that state as their key.
   */
  static fromState(state: readonly [number, number, number, number], path = 'state'): SeededRandom {
    if ((state[0] | state[1] | state[2] | state[3]) === 0) {
      throw new RangeError('SeededRandom.fromState: the all-zero state is not allowed by xoshiro128**');
    }
    const r = new SeededRandom(0);
    r.reset(path, state.map((w) => w >>> 0));
    [r.s0, r.s1, r.s2, r.s3] = [state[0] | 0, state[1] | 0, state[2] | 0, state[3] | 0];
    return r;
  }

  /** Human-readable stream identity, e.g. `42/kubelet/node-3`, for logs and error messages. */
  get path(): string {
    return this.streamPath;
  }

  /** Derives an independent, deterministic stream. The same label gives the same stream, so labels must be unique (e.g. `kubelet/<node>`). */
  fork(label: string): SeededRandom {
    const key = [0, 1, 2, 3].map((j) => hashWords([...this.key, hashString(label, 0x51ed27 + j)], 0x6b43a9b5 + j));
    const child = new SeededRandom(0);
    child.reset(`${this.streamPath}/${label}`, key);
    return child;
  }

  private reset(path: string, key: readonly number[]): void {
    this.streamPath = path;
    this.key = key;
    [this.s0, this.s1, this.s2, this.s3] = stateFromKey(key);
  }

  /** The next raw 32-bit output, as an unsigned integer. */
  uint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = rotl(n3, 11);
    return r;
  }

  /** Uniform in [0, 1), in steps of 2^-32. */
  next(): number {
    return this.uint32() / TWO_32;
  }

  /**
   * Uniform integer in [lo, hi) — half-open, as upstream's rand.IntnRange(min, max)
   * (k8s.io/apimachinery/pkg/util/rand). Unbiased (rejection sampling) for ranges up to 2^32.
   */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi <= lo) {
      throw new RangeError(`SeededRandom.int: need integers lo < hi, got [${lo}, ${hi})`);
    }
    const range = hi - lo;
    if (range <= 0x80000000) {
      // The same draw as below, with 2^32 mod range in uint32 arithmetic: a float modulo costs several times more,
      // and the scheduler draws once per tied node (~420 per pod on a uniform cluster).
      const limit = TWO_32 - (((0xffffffff % range) + 1) % range);
      for (;;) {
        const u = this.uint32();
        if (u < limit) return lo + (u % range);
      }
    }
    if (range <= TWO_32) {
      const limit = TWO_32 - (TWO_32 % range);
      for (;;) {
        const u = this.uint32();
        if (u < limit) return lo + (u % range);
      }
    }
    // Wider than 32 bits: 53 random bits; the bias (< 2^-20 for any safe range) is immaterial here.
    const wide = (this.uint32() >>> 11) * TWO_32 + this.uint32();
    return lo + Math.floor((wide / 2 ** 53) * range);
  }

  /** A uniformly chosen element. Throws on an empty array, since there is nothing sensible to return. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('SeededRandom.pick: cannot pick from an empty array');
    return items[this.int(0, items.length)]!;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /**
   * A duration in [ms, ms + fraction·ms): always at least `ms`, never shorter, as upstream.
   * upstream: k8s.io/apimachinery/pkg/util/wait Jitter(duration, maxFactor) — maxFactor <= 0 means 1.0.
   */
  jitter(ms: number, fraction: number): number {
    const factor = fraction > 0 ? fraction : 1;
    return ms + this.next() * factor * ms;
  }

  /** A shuffled copy (Fisher–Yates); the input is not modified. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

function rootKey(seed: Seed): number[] {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) {
    // Low and high 32 bits (two's complement for negatives), tagged so 7 and "7" differ.
    return [seed >>> 0, Math.floor(seed / TWO_32) >>> 0, 0x6e756d, 0];
  }
  if (typeof seed === 'number') throw new RangeError(`SeededRandom: a numeric seed must be a safe integer, got ${seed}`);
  return [hashString(seed, 1), hashString(seed, 2), hashString(seed, 3), 0x737472];
}

/** Every state word depends on every key word; xoshiro's only forbidden state, all zeros, is avoided. */
function stateFromKey(key: readonly number[]): [number, number, number, number] {
  const s: [number, number, number, number] = [0, 1, 2, 3].map((j) => hashWords(key, 0x9e3779b9 + j) | 0) as [
    number,
    number,
    number,
    number,
  ];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}
