// Parent side of the bench's twin process: forks twin-child.ts, measures the offset between the two
// processes' clocks, and turns the child's write stamps into this process's performance.now() time.
//
// Both processes stamp performance.timeOrigin + performance.now(): the wall clock read once at process
// start plus a monotonic clock since. Both monotonic clocks are CLOCK_MONOTONIC, so the only error left
// is how the two start readings differ from it (NTP slewing, rounding) — measured here, NTP-style: a
// ping stamped t0 (parent), t1 (child), t2 (parent) bounds the offset t1 − (t0 + t2)/2 by ±(t2 − t0)/2,
// and the ping with the shortest round trip out of many gives the tightest bound.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, WriteKind } from './twin-messages.ts';

export interface TwinWrite {
  readonly kind: WriteKind;
  readonly name: string;
  readonly value: string;
  /** When the twin committed it, in this process's performance.now() time. */
  readonly at: number;
}

export interface ClockOffset {
  /** child − parent, ms (absolute clocks). */
  readonly offsetMs: number;
  /** Half the best round trip: the offset is right within ± this. */
  readonly boundMs: number;
}

export class TwinProcess {
  readonly kubeconfig: string;
  offset: ClockOffset = { offsetMs: 0, boundMs: Infinity };
  private readonly child: ChildProcess;
  private readonly listeners = new Set<(w: TwinWrite) => void>();
  private pongs = new Map<number, (at: number) => void>();
  private restored: (() => void) | undefined;
  private seq = 0;

  private constructor(child: ChildProcess, kubeconfig: string) {
    this.child = child;
    this.kubeconfig = kubeconfig;
    child.on('message', (m: ChildMessage) => {
      if (m.op === 'pong') this.pongs.get(m.seq)?.(m.at);
      if (m.op === 'restored') this.restored?.();
      if (m.op === 'write') {
        const w: TwinWrite = { kind: m.kind, name: m.name, value: m.value, at: m.at - this.offset.offsetMs - performance.timeOrigin };
        for (const l of this.listeners) l(w);
      }
    });
  }

  static async start(profilePath: string): Promise<TwinProcess> {
    const child = fork(fileURLToPath(new URL('./twin-child.ts', import.meta.url)), [profilePath], { execArgv: ['--import', 'tsx'] });
    const kubeconfig = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`twin process exited (${code}) before it was ready`)));
      child.on('message', (m: ChildMessage) => m.op === 'ready' && resolve(m.kubeconfig));
    });
    return new TwinProcess(child, kubeconfig);
  }

  /** `n` pings; keeps the offset of the one with the shortest round trip. */
  async calibrate(n = 200): Promise<ClockOffset> {
    let best: ClockOffset = { offsetMs: 0, boundMs: Infinity };
    for (let i = 0; i < n; i++) {
      const seq = ++this.seq;
      const t0 = performance.timeOrigin + performance.now();
      const t1 = await new Promise<number>((resolve) => {
        this.pongs.set(seq, resolve);
        this.send({ op: 'ping', seq });
      });
      const t2 = performance.timeOrigin + performance.now();
      this.pongs.delete(seq);
      if ((t2 - t0) / 2 < best.boundMs) best = { offsetMs: t1 - (t0 + t2) / 2, boundMs: (t2 - t0) / 2 };
    }
    this.offset = best;
    return best;
  }

  onWrite(fn: (w: TwinWrite) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Re-registers every node of the vehicle that is gone (after a separation deleted its stage). */
  restore(): Promise<void> {
    return new Promise((resolve) => {
      this.restored = resolve;
      this.send({ op: 'restore' });
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.send({ op: 'stop' });
    await exited;
  }

  private send(m: ParentMessage): void {
    this.child.send(m);
  }
}
