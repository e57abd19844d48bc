// Benchmark: the web view's production bundle — `vite build` into a temp dir, then raw and gzipped
// size of every emitted JS and CSS file and the total (issue 6 asks for the gzipped size).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface WebBundleResult {
  readonly files: readonly BundleFile[];
  readonly totalBytes: number;
  readonly totalGzipBytes: number;
  readonly buildMs: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Measures only; the build goes to a temp dir so web/dist (someone's preview) is left alone. */
export async function measureWebBundle(): Promise<WebBundleResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'kis-web-bundle-'));
  try {
    const started = performance.now();
    await build({ root: resolve('web'), configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const buildMs = performance.now() - started;
    const files = walk(outDir)
      .filter((p) => /\.(m?js|css)$/.test(p))
      .map((p) => {
        const data = readFileSync(p);
        return { file: relative(outDir, p), bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
      })
      .sort((a, b) => b.bytes - a.bytes);
    return {
      files,
      totalBytes: files.reduce((s, f) => s + f.bytes, 0),
      totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
      buildMs,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function runWebBundleBench(): Promise<void> {
  const r = await measureWebBundle();
  console.log('web-bundle: production build of web/ (vite build; gzip -9)');
  for (const f of r.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.bytes).padStart(11)}  gzip ${kb(f.gzipBytes).padStart(10)}`);
  console.log(`  ${'total'.padEnd(40)} ${kb(r.totalBytes).padStart(11)}  gzip ${kb(r.totalGzipBytes).padStart(10)}`);
  console.log(`  build took ${(r.buildMs / 1000).toFixed(1)} s`);
}
