// A pseudo-terminal pair from socat for the serial integration tests: plug() starts socat on two
// fixed link paths, unplug() kills it (both ends vanish, as when a USB box is pulled), plug() again
// recreates them on the same paths. Tests skip visibly when socat is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RealClock } from '../../../../sim/core/index.ts';

export const SOCAT = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
export const SKIP_REASON = 'socat is not installed (apt-get install socat; .ci/run installs it)';

const clock = new RealClock();

export class PtyPair {
  readonly dir: string;
  /** The HAL's end. */
  readonly a: string;
  /** The box's end. */
  readonly b: string;
  private proc: ChildProcess | undefined;
  private fd: number | undefined;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'kis-pty-'));
    this.a = join(this.dir, 'hal');
    this.b = join(this.dir, 'box');
  }

  async plug(): Promise<void> {
    const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc = proc;
    await new Promise<void>((resolve, reject) => {
      let err = '';
      proc.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('starting data transfer loop')) resolve();
      });
      proc.once('exit', (code) => reject(new Error(`socat exited (${code}): ${err}`)));
    });
  }

  /** Pulls the plug: socat exits and removes both links. */
  async unplug(): Promise<void> {
    this.closeBox();
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }

  /** Writes on the box's end, opening it on first use (the fd dies with socat). */
  write(text: string): void {
    this.fd ??= openSync(this.b, 'r+');
    writeSync(this.fd, text);
  }

  closeBox(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  async dispose(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Polls `cond` every 5 ms until it holds; fails after `ms` with `what` (a bound, not a timed assertion). */
// 15 s: a loaded 2-core CI machine running the suite in parallel can take seconds to schedule socat and the port.
export async function waitFor(cond: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = clock.now() + ms;
  while (!cond()) {
    if (clock.now() > end) throw new Error(`timed out waiting for ${what}`);
    await clock.sleep(5);
  }
}

export function sleep(ms: number): Promise<void> {
  return clock.sleep(ms);
}
