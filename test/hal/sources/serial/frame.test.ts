import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FrameParser,
  checksum,
  encodeFrame,
  type Frame,
  type FrameCounters,
} from '../../../../hal/sources/serial/index.ts';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);
const content = (f: Frame): string => `${f.type}|${f.fields.join(',')}`;

function parseAll(chunks: readonly Uint8Array[], maxFrameLength?: number) {
  const p = new FrameParser(maxFrameLength === undefined ? {} : { maxFrameLength });
  const frames: Frame[] = [];
  const kinds: string[] = [];
  for (const c of chunks) {
    const r = p.push(c);
    frames.push(...r.frames);
    kinds.push(...r.errors.map((e) => e.kind));
  }
  return { frames, kinds, counters: p.counters };
}

const zero: FrameCounters = { good: 0, badChecksum: 0, tooLong: 0, malformed: 0, garbageBytes: 0 };

// Valid frames of every type, with printable field text that may contain anything but , * $.
const fieldText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).filter((c) => c !== 0x2c && c !== 0x2a && c !== 0x24).map((c) => String.fromCharCode(c)), maxLength: 8 });
const validFrame = fc
  .tuple(fc.constantFrom('SEP', 'PWR', 'LNK', 'HB', 'ARM', 'X9'), fc.array(fieldText, { maxLength: 4 }))
  .map(([t, f]) => encodeFrame(t, f));
// Noise biased towards the framing characters, so resynchronisation paths are exercised.
const noiseByte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x24, 0x2a, 0x0d, 0x0a, 0x2c, 0x4b, 0x49, 0x53, 0x30, 0x31));
const noise = fc.array(noiseByte, { maxLength: 40 }).map((a) => Uint8Array.from(a));

describe('encodeFrame', () => {
  it.each([
    ['SEP', ['A1', 1], '$KIS,SEP,A1,1*'],
    ['HB', [42], '$KIS,HB,42*'],
    ['ARM', [0], '$KIS,ARM,0*'],
  ] as const)('%s %j', (type, fields, head) => {
    const line = encodeFrame(type, fields);
    expect(line.startsWith(head)).toBe(true);
    expect(line.endsWith('\r\n')).toBe(true);
    const body = head.slice(1, -1);
    expect(line.slice(head.length, head.length + 2)).toBe(checksum(body).toString(16).toUpperCase().padStart(2, '0'));
  });

  it('matches a hand-computed NMEA checksum', () => {
    // "KIS,HB,1": K^I^S^,^H^B^,^1 computed by hand = 0x0A… checked against the formula.
    let x = 0;
    for (const c of 'KIS,HB,1') x ^= c.charCodeAt(0);
    expect(encodeFrame('HB', [1])).toBe(`$KIS,HB,1*${x.toString(16).toUpperCase().padStart(2, '0')}\r\n`);
  });

  it.each([['sep'], [''], ['TOOLONGTYPE']])('rejects type %j', (type) => {
    expect(() => encodeFrame(type, [])).toThrow(RangeError);
  });

  it.each([['a,b'], ['a*b'], ['$'], ['\r'], ['é']])('rejects field %j', (field) => {
    expect(() => encodeFrame('SEP', [field])).toThrow(RangeError);
  });
});

describe('FrameParser — examples', () => {
  const good = encodeFrame('SEP', ['A1', 1]);
  const body = good.slice(1, good.indexOf('*'));
  const cs = good.slice(good.indexOf('*') + 1, good.indexOf('*') + 3);
  const wrongCs = ((parseInt(cs, 16) + 1) & 0xff).toString(16).toUpperCase().padStart(2, '0');

  it.each<[string, string, string[], Partial<FrameCounters>, number]>([
    ['a good frame', good, [], { good: 1 }, 1],
    ['lower-case checksum digits', `$${body}*${cs.toLowerCase()}\r\n`, [], { good: 1 }, 1],
    ['a bad checksum', `$${body}*${wrongCs}\r\n`, ['bad-checksum'], { badChecksum: 1 }, 0],
    ['garbage before a frame', `xx\x00\xff${good}`, [], { good: 1, garbageBytes: 4 }, 1],
    ['a torn frame then a good one', `$KIS,SEP,A${good}`, ['malformed'], { good: 1, malformed: 1 }, 1],
    ['LF without CR', `$${body}*${cs}\n${good}`, ['malformed'], { good: 1, malformed: 1 }, 1],
    ['CR not followed by LF', `$${body}*${cs}\rX${good}`, ['malformed'], { good: 1, malformed: 1, garbageBytes: 0 }, 1],
    ['a control byte inside', `$KIS,SEP,\x07A1,1*00\r\n${good}`, ['malformed'], { good: 1, malformed: 1, garbageBytes: 9 }, 1],
    ['no checksum', `$KIS,SEP,A1,1\r\n${good}`, ['malformed'], { good: 1, malformed: 1 }, 1],
    ['non-hex checksum', `$KIS,SEP,A1,1*G0\r\n`, ['malformed'], { malformed: 1 }, 0],
    ['a foreign talker', `${encodeFrame('SEP', []).replace('KIS', 'GPS').replace(/\*..\r\n$/, '')}*${checksum('GPS,SEP').toString(16).toUpperCase().padStart(2, '0')}\r\n`, ['malformed'], { malformed: 1 }, 0],
    ['a lower-case type', `$KIS,sep*${checksum('KIS,sep').toString(16).toUpperCase().padStart(2, '0')}\r\n`, ['malformed'], { malformed: 1 }, 0],
    ['a star inside the body', `$KIS,S*P*${checksum('KIS,S*P').toString(16).toUpperCase().padStart(2, '0')}\r\n`, ['malformed'], { malformed: 1 }, 0],
    ['a too-long frame then a good one', `$KIS,SEP,${'A'.repeat(100)},1*00\r\n${good}`, ['too-long'], { good: 1, tooLong: 1 }, 1],
    ['a too-long frame cut by "$"', `$KIS,SEP,${'A'.repeat(100)}${good}`, ['too-long'], { good: 1, tooLong: 1 }, 1],
  ])('%s', (_name, input, kinds, counters, frames) => {
    const r = parseAll([enc(input)]);
    expect(r.kinds).toEqual(kinds);
    expect(r.counters).toEqual({ ...zero, ...counters });
    expect(r.frames).toHaveLength(frames);
    for (const f of r.frames) expect(content(f)).toBe('SEP|A1,1');
  });

  it('accepts a frame of exactly maxFrameLength bytes and rejects one byte more', () => {
    const exact = encodeFrame('SEP', ['A'.repeat(82 - 16), '1']);
    expect(exact.length).toBe(82);
    expect(parseAll([enc(exact)]).counters.good).toBe(1);
    const over = encodeFrame('SEP', ['A'.repeat(82 - 15), '1']);
    expect(parseAll([enc(over)]).counters.tooLong).toBe(1);
    expect(parseAll([enc(over)], 83).counters.good).toBe(1);
  });

  it('keeps the frame as received in raw', () => {
    const r = parseAll([enc(`$${body}*${cs.toLowerCase()}\r\n`)]);
    expect(r.frames[0]!.raw).toBe(`$${body}*${cs.toLowerCase()}`);
  });

  it('reset() drops a partial frame', () => {
    const p = new FrameParser();
    p.push(enc(good.slice(0, 8)));
    p.reset();
    expect(p.push(enc(good.slice(8))).frames).toHaveLength(0);
    expect(p.push(enc(good)).frames).toHaveLength(1);
  });

  it.each([[10], [0], [1.5], [70_000]])('rejects maxFrameLength %s', (max) => {
    expect(() => new FrameParser({ maxFrameLength: max })).toThrow(RangeError);
  });
});

describe('FrameParser — properties', () => {
  it('never throws on random bytes, and every frame it yields is really in the input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), noise)), (chunks) => {
        const r = parseAll(chunks);
        const all = latin1(Uint8Array.from(chunks.flatMap((c) => [...c])));
        expect(r.counters.good).toBe(r.frames.length);
        for (const f of r.frames) {
          expect(all).toContain(`${f.raw}\r\n`);
          const star = f.raw.lastIndexOf('*');
          expect(checksum(f.raw.slice(1, star))).toBe(parseInt(f.raw.slice(star + 1), 16));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every valid frame embedded in noise, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, validFrame), { maxLength: 8 }), noise, (pairs, tail) => {
        const chunks = pairs.flatMap(([n, f]) => [n, enc(f)]).concat([tail]);
        const r = parseAll(chunks);
        // Noise may hold a "$" that starts a frame the real one tears, but the real one always wins.
        expect(r.frames.map((f) => `${f.raw}\r\n`)).toEqual(pairs.map(([, f]) => f));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same result however the stream is split (every byte boundary)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, validFrame), { minLength: 1, maxLength: 3 }), (pairs) => {
        const bytes = Uint8Array.from(pairs.flatMap(([n, f]) => [...n, ...enc(f)]));
        const whole = parseAll([bytes]);
        for (let i = 0; i <= bytes.length; i++) {
          const split = parseAll([bytes.subarray(0, i), bytes.subarray(i)]);
          expect(split.frames).toEqual(whole.frames);
          expect(split.counters).toEqual(whole.counters);
        }
        const single = parseAll([...bytes].map((b) => Uint8Array.of(b)));
        expect(single.frames).toEqual(whole.frames);
        expect(single.counters).toEqual(whole.counters);
      }),
      { numRuns: 200 },
    );
  });

  it('drops a frame torn at any byte and finds the next one', () => {
    fc.assert(
      fc.property(validFrame, validFrame, (torn, next) => {
        for (let cut = 1; cut < torn.length; cut++) {
          const r = parseAll([enc(torn.slice(0, cut)), enc(next)]);
          expect(r.frames.map((f) => `${f.raw}\r\n`)).toEqual([next]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never yields a false frame when any single byte is corrupted', () => {
    fc.assert(
      fc.property(validFrame, fc.nat(), fc.integer({ min: 1, max: 255 }), (line, at, flip) => {
        const bytes = enc(line);
        const i = at % bytes.length;
        bytes[i] = bytes[i]! ^ flip;
        const r = parseAll([bytes]);
        const original = content(parseAll([enc(line)]).frames[0]!);
        // Only a case change of a checksum hex digit keeps the frame, and then it is the same frame.
        for (const f of r.frames) expect(content(f)).toBe(original);
        expect(r.frames.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 3000 },
    );
  });
});
