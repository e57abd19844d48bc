// Runs `kis` as a user would, for the serve/replay tests: to completion, or as a long-lived child whose
// output can be waited on and which is stopped with SIGINT.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../helpers/twin.ts';

export const KIS = join(import.meta.dirname, '../../sim/cli/kis.mjs');

export async function kis(args: string[], timeout = 60_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [KIS, ...args], { timeout });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

export interface KisChild {
  readonly child: ChildProcess;
  output(): string;
  /** Waits until the combined output matches, and returns the match. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGINT, then the exit code. */
  stop(): Promise<number | null>;
}

export function spawnKis(args: string[]): KisChild {
  const child = spawn(process.execPath, [KIS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return {
    child,
    output: () => out,
    async waitFor(pattern, timeoutMs = 60_000) {
      let m: RegExpMatchArray | null = null;
      await eventually(`output matching ${pattern}:\n${out}`, () => (m = pattern.exec(out)) !== null || child.exitCode !== null, timeoutMs);
      if (!m) throw new Error(`kis exited (${child.exitCode}) before printing ${pattern}:\n${out}`);
      return m;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
