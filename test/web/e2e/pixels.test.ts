// The screenshot reader the e2e tests rely on: PNGs of every filter type decode to the pixels encoded,
// and the measures (drawn share, colours, diff) count what they say.
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourAt, decodePng, pixelDiff, pixelStats, type Rgba } from './pixels.ts';

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  // The decoder does not check CRCs (Chromium's are right); zeros keep the encoder small.
  return Buffer.concat([head, body, Buffer.alloc(4)]);
}

/** A PNG of `rows` (channels 3 or 4 bytes a pixel), each row written with the filter given for it. */
function encodePng(width: number, rows: readonly Uint8Array[], channels: 3 | 4, filters: readonly number[]): Buffer {
  const stride = width * channels;
  const out: number[] = [];
  rows.forEach((row, y) => {
    const f = filters[y % filters.length]!;
    out.push(f);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = y > 0 ? rows[y - 1]![x]! : 0;
      const c = x >= channels && y > 0 ? rows[y - 1]![x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f]!;
      out.push((row[x]! - pred) & 0xff);
    }
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(out))),
    chunk('IEND', new Uint8Array()),
  ]);
}

const image = fc.record({ width: fc.integer({ min: 1, max: 9 }), height: fc.integer({ min: 1, max: 7 }), channels: fc.constantFrom(3 as const, 4 as const) }).chain(({ width, height, channels }) =>
  fc.record({
    width: fc.constant(width),
    channels: fc.constant(channels),
    rows: fc.array(fc.uint8Array({ minLength: width * channels, maxLength: width * channels }), { minLength: height, maxLength: height }),
    filters: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
  }),
);

function solid(width: number, height: number, rgb: number): Rgba {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 255], i);
  return { width, height, data };
}

describe('decodePng', () => {
  it('decodes every filter type, RGB and RGBA, to the pixels encoded', () => {
    fc.assert(
      fc.property(image, ({ width, channels, rows, filters }) => {
        const img = decodePng(encodePng(width, rows, channels, filters));
        expect([img.width, img.height]).toEqual([width, rows.length]);
        rows.forEach((row, y) => {
          for (let x = 0; x < width; x++) {
            const px = [...img.data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)];
            expect(px).toEqual([...row.subarray(x * channels, x * channels + 3), channels === 4 ? row[x * channels + 3]! : 255]);
          }
        });
      }),
    );
  });

  it.each([
    ['not a PNG', Buffer.from('GIF89a.....'), /bad signature/],
    ['16-bit', (() => { const b = encodePng(1, [new Uint8Array(3)], 3, [0]); b[8 + 8 + 8] = 16; return b; })(), /only 8-bit/],
    ['an unknown filter', encodePng(1, [new Uint8Array(3)], 3, [7]), /unknown filter 7/],
  ])('refuses %s', (_what, png, message) => {
    expect(() => decodePng(png)).toThrow(message);
  });
});

describe('pixel measures', () => {
  const bg = 0x0a0f1c;
  const half: Rgba = (() => {
    const img = solid(4, 2, bg);
    img.data.set([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255], 0);
    return img;
  })();

  it.each([
    ['a blank canvas', solid(4, 2, bg), { drawn: 0, colours: 1 }],
    ['a canvas within tolerance of the background', solid(4, 2, bg + 0x050505), { drawn: 0, colours: 1 }],
    ['half drawn in four colours', half, { drawn: 0.5, colours: 5 }],
  ])('pixelStats of %s', (_what, img, stats) => {
    expect(pixelStats(img, bg)).toEqual(stats);
  });

  it.each([
    [solid(4, 2, bg), solid(4, 2, bg), 0],
    [solid(4, 2, bg), half, 0.5],
    [solid(4, 2, 0x808080), solid(4, 2, 0x8a8a8a), 0],
  ])('pixelDiff %#', (a, b, share) => {
    expect(pixelDiff(a, b)).toBe(share);
  });

  it('pixelDiff refuses images of different sizes', () => {
    expect(() => pixelDiff(solid(2, 2, 0), solid(2, 3, 0))).toThrow(/2×2 vs 2×3/);
  });

  it.each([
    [0, 0, 0xff0000],
    [3.4, 0, 0xffffff],
    [-5, 99, bg],
  ])('colourAt(%f, %f)', (x, y, rgb) => {
    expect(colourAt(half, x, y)).toBe(rgb);
  });
});
