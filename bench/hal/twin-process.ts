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
import type { ChildGc, ChildMessage, ChildRequest, ChildWrite, ParentMessage, WriteKind } from './twin-messages.ts';

export interface TwinWrite {
  readonly kind: WriteKind;
  readonly name: string;
  readonly value: string;
  /** When the twin committed it, in this process's performance.now() time. */
  readonly at: number;
}

/** A request as the twin's HTTP server parsed it, `at` in this process's performance.now() time. */
export type TwinRequest = Readonly<ChildRequest>;

/** A garbage collection, start `at` in this process's performance.now() time. */
export type Gc = Readonly<ChildGc>;

/** What the twin saw since the previous drain, in this process's clock. */
export interface TwinLog {
  readonly writes: readonly TwinWrite[];
  readonly requests: readonly TwinRequest[];
  readonly gcs: readonly Gc[];
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
  private drained: ((log: TwinLog) => void) | undefined;
  private pongs = new Map<number, (at: number) => void>();
  private restored: (() => void) | undefined;
  private seq = 0;

  private constructor(child: ChildProcess, kubeconfig: string) {
    this.child = child;
    this.kubeconfig = kubeconfig;
    child.on('message', (m: ChildMessage) => {
      if (m.op === 'pong') this.pongs.get(m.seq)?.(m.at);
      if (m.op === 'restored') this.restored?.();
      if (m.op === 'drained') {
        const local = (at: number) => at - this.offset.offsetMs - performance.timeOrigin;
        this.drained?.({
          writes: m.writes.map((w: ChildWrite) => ({ ...w, at: local(w.at) })),
          requests: m.requests.map((r) => ({ ...r, at: local(r.at), answered: local(r.answered) })),
          gcs: m.gcs.map((g) => ({ ...g, at: local(g.at) })),
        });
      }
    });
  }

  static async start(profilePath: string): Promise<TwinProcess> {
    // BENCH_TWIN_NODE_ARGS: extra node flags for the twin alone (say `--cpu-prof --cpu-prof-dir=DIR`, `--trace-gc`).
    const extra = (process.env.BENCH_TWIN_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = fork(fileURLToPath(new URL('./twin-child.ts', import.meta.url)), [profilePath], { execArgv: [...extra, '--import', 'tsx'] });
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

  /** The writes, requests and GCs the twin saw since the last drain (kept in the child while an edge runs). */
  drain(): Promise<TwinLog> {
    return new Promise((resolve) => {
      this.drained = resolve;
      this.send({ op: 'drain' });
    });
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
