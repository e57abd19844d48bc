// Driving the web view in Chromium for the e2e tests: open it, call window.kisView (web/README.md), wait for a
// drawn frame, and take screenshots (saved for people to look at, decoded for the tests to measure).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable } from '../../helpers/browser.ts';
import { decodePng, type Rgba } from './pixels.ts';

export const ARTIFACTS = 'test-artifacts/web';

/** A suite's title that says why it is skipped (vitest's skipIf gives no reason of its own). */
export function browserSuite(title: string): string {
  return chromiumAvailable() ? title : `${title} — SKIPPED: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set KIS_CHROMIUM)`;
}

export type Subject = { kind: 'node' | 'pod'; key: string };

/** window.kisView as these tests call it (web/main.ts KisView); Maps and methods stay in the page. */
export interface KisViewHook {
  readonly ready: boolean;
  readonly model: { readonly startMs: number; readonly endMs: number; readonly recordCount: number } | undefined;
  state(): {
    readonly t: number;
    readonly phase: string;
    readonly stages: readonly { name: string; separatedAt?: number; nodes: readonly string[] }[];
    readonly nodes: ReadonlyMap<string, { name: string; present: boolean; attached: boolean; taints: readonly string[]; labels: Record<string, string>; conditions: Record<string, string> }>;
    readonly pods: ReadonlyMap<string, { key: string; node?: string; phase: string; workload?: string }>;
  } | undefined;
  seek(t: number): void;
  time(): number;
  readonly scene: { screenPositionOf(s: Subject): { x: number; y: number } | undefined; pick(x: number, y: number): Subject | undefined; stats(): { nodes: number; pods: number } } | undefined;
}

/**
 * Runs `fn(window.kisView, arg)` in the page. The function is sent as source, so it may use only its
 * parameters (no closures); what it returns must be JSON (no Maps).
 */
export function kis<T, A = undefined>(page: Page, fn: (view: KisViewHook, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.kisView, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

export interface OpenedView {
  readonly page: Page;
  /** Uncaught errors and console errors the page reported. */
  readonly errors: string[];
}

/** A fresh context (so roles and storage never leak between tests) with the view at `url`, loaded. */
export async function openView(browser: Browser, url: string): Promise<OpenedView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction('window.kisView && window.kisView.ready');
  return { page, errors };
}

/** Resolves after the page has drawn `n` more animation frames (the scene renders in requestAnimationFrame). */
export function frames(page: Page, n = 2): Promise<void> {
  return page.evaluate(`new Promise((done) => { let left = ${n}; const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick)); requestAnimationFrame(tick); })`) as Promise<void>;
}

/** Seeks the view to `t` and waits until the state at `t` is built and drawn. */
export async function seekTo(page: Page, t: number): Promise<void> {
  await kis(page, (v, at) => v.seek(at), t);
  await page.waitForFunction(`window.kisView.time() === ${t} && window.kisView.state() && window.kisView.state().t === ${t}`);
  await frames(page);
}

/** The 3D canvas as a screenshot: saved as test-artifacts/web/<name>.png and decoded. */
export async function sceneShot(page: Page, name: string): Promise<Rgba> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return decodePng(await page.locator('[data-testid="scene"]').screenshot({ path: join(ARTIFACTS, `${name}.png`) }));
}

/** Where `subject` is drawn, in page coordinates (the scene answers in canvas coordinates). */
export async function pagePositionOf(page: Page, subject: Subject): Promise<{ x: number; y: number } | undefined> {
  const at = await kis(page, (v, s) => v.scene?.screenPositionOf(s), subject);
  if (!at) return undefined;
  const box = await page.locator('[data-testid="scene"]').boundingBox();
  if (!box) throw new Error('the scene canvas is not on the page');
  return { x: box.x + at.x, y: box.y + at.y };
}

/**
 * Asks the scene where `subject` is drawn and what a click there would pick (pick takes client coordinates,
 * screenPositionOf answers in the canvas's). `at` is undefined when the scene does not draw it.
 */
export function pickWhere(page: Page, subject: Subject): Promise<{ at: { x: number; y: number } | null; picked: Subject | null }> {
  return kis(page, (v, s) => {
    const at = v.scene?.screenPositionOf(s);
    if (!at) return { at: null, picked: null };
    const r = document.querySelector('[data-testid="scene"]')!.getBoundingClientRect();
    return { at, picked: v.scene!.pick(r.left + at.x, r.top + at.y) ?? null };
  }, subject);
}

/** The text of the first element with this data-testid. */
export function testidText(page: Page, id: string): Promise<string> {
  return page.locator(`[data-testid="${id}"]`).first().innerText();
}
