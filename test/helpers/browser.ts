// Headless Chromium for benches and end-to-end tests: Debian's chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export type { Browser };

export const CHROMIUM_PATH = process.env.KIS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags that let headless Chromium render WebGL without a GPU (SwiftShader) and keep it off the
 * network: the web view must build and run offline.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True when the Chromium binary is installed; tests skip (it.skipIf) rather than fail without it. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`launchChromium: no Chromium at ${CHROMIUM_PATH}; install Debian's chromium or set KIS_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
