// Reads screenshots for the end-to-end tests: a small PNG decoder (what Chromium writes: 8-bit RGB or RGBA,
// not interlaced) and the measures the tests assert on — how much is drawn, how many colours, what changed.
import { inflateSync } from 'node:zlib';

export interface Rgba {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row by row. */
  readonly data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** upstream: PNG spec (W3C, 2nd ed.) §9 filtering — the Paeth predictor. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Rgba {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('decodePng: not a PNG (bad signature)');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`decodePng: only 8-bit RGB/RGBA, not interlaced (got depth ${depth}, colour type ${colour}, interlace ${interlace})`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (channels === 0) throw new Error('decodePng: no IHDR chunk');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error(`decodePng: ${raw.length} bytes of image data, ${(stride + 1) * height} expected`);
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[dst + x - channels]! : 0;
      const b = y > 0 ? rows[dst - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[dst - stride + x - channels]! : 0;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : Number.NaN;
      if (Number.isNaN(pred)) throw new Error(`decodePng: unknown filter ${filter} on row ${y}`);
      rows[dst + x] = (raw[src + x]! + pred) & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: rows };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) {
    data[j] = rows[i]!;
    data[j + 1] = rows[i + 1]!;
    data[j + 2] = rows[i + 2]!;
    data[j + 3] = 255;
  }
  return { width, height, data };
}

export interface PixelStats {
  /** Share of pixels further than `tolerance` (per channel) from the background colour. */
  readonly drawn: number;
  /** Distinct colours after keeping the top 4 bits of each channel (so shading noise counts once). */
  readonly colours: number;
}

export function pixelStats(img: Rgba, background: number, tolerance = 12): PixelStats {
  const [br, bg, bb] = [(background >> 16) & 0xff, (background >> 8) & 0xff, background & 0xff];
  const seen = new Set<number>();
  let drawn = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n * 4; i += 4) {
    const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    if (Math.abs(r - br) > tolerance || Math.abs(g - bg) > tolerance || Math.abs(b - bb) > tolerance) drawn++;
    seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return { drawn: n === 0 ? 0 : drawn / n, colours: seen.size };
}

/** Share of pixels that differ by more than `tolerance` in some channel; images must be the same size. */
export function pixelDiff(a: Rgba, b: Rgba, tolerance = 24): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`pixelDiff: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
  const n = a.width * a.height;
  let changed = 0;
  for (let i = 0; i < n * 4; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) > tolerance || Math.abs(a.data[i + 1]! - b.data[i + 1]!) > tolerance || Math.abs(a.data[i + 2]! - b.data[i + 2]!) > tolerance) changed++;
  }
  return n === 0 ? 0 : changed / n;
}

/** The colour (0xRRGGBB) at (x, y), rounded to whole pixels and clamped into the image. */
export function colourAt(img: Rgba, x: number, y: number): number {
  const px = Math.min(img.width - 1, Math.max(0, Math.round(x)));
  const py = Math.min(img.height - 1, Math.max(0, Math.round(y)));
  const i = (py * img.width + px) * 4;
  return (img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!;
}
