// Where one frame's time goes: subscribes to the HAL's diagnostics_channel trace points and stamps each
// (performance.now() in the bench, never in the HAL) per edge, so the latency figure can be explained.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { TRACE_APPLYING, TRACE_DONE, TRACE_ENQUEUED, TRACE_SYNCING, TRACE_WRITE, type QueueTrace, type WriteTrace } from '../../hal/cluster/index.ts';
import { TRACE_SERIAL_BYTES, TRACE_SERIAL_SIGNAL } from '../../hal/sources/serial/index.ts';

/** Stamps of one edge, ms from performance.now(); a stage not seen stays NaN. */
export interface EdgeStamps {
  written: number;
  bytes: number;
  signal: number;
  enqueued: number;
  /** The queue loop picked the head up (before its fsync). */
  picked: number;
  applying: number;
  writeStart: number;
  accepted: number;
  /** The last of the edge's actions done (every node annotated, every Event posted). */
  complete: number;
}

export const SEGMENTS: ReadonlyArray<readonly [string, keyof EdgeStamps, keyof EdgeStamps]> = [
  ['pty write → bytes read', 'written', 'bytes'],
  ['bytes read → signal', 'bytes', 'signal'],
  ['signal → enqueued (journalled)', 'signal', 'enqueued'],
  ['enqueued → queue picks it up', 'enqueued', 'picked'],
  ['group-commit fsync', 'picked', 'applying'],
  ['apply → first write sent', 'applying', 'writeStart'],
  ['write sent → API accepted', 'writeStart', 'accepted'],
  ['TOTAL frame → API accepted', 'written', 'accepted'],
  ['frame → edge complete (all writes)', 'written', 'complete'],
];

const blank = (): EdgeStamps => ({ written: NaN, bytes: NaN, signal: NaN, enqueued: NaN, picked: NaN, applying: NaN, writeStart: NaN, accepted: NaN, complete: NaN });

export class EdgeTracer {
  readonly edges: EdgeStamps[] = [];
  private cur: EdgeStamps = blank();
  private outstanding = new Set<number>();
  private onComplete: (() => void) | undefined;
  private readonly handlers: Array<[string, (m: unknown) => void]>;

  /** `isFirstWrite` picks the write whose acceptance is the edge's latency (the first node's link annotation). */
  constructor(isFirstWrite: (step: string) => boolean) {
    const first = (k: keyof EdgeStamps) => {
      if (Number.isNaN(this.cur[k])) this.cur[k] = performance.now();
    };
    this.handlers = [
      [TRACE_SERIAL_BYTES, () => first('bytes')],
      [TRACE_SERIAL_SIGNAL, () => first('signal')],
      [TRACE_ENQUEUED, (m) => {
        first('enqueued');
        this.outstanding.add((m as QueueTrace).id);
      }],
      [TRACE_SYNCING, () => first('picked')],
      [TRACE_APPLYING, () => {
        first('picked');
        first('applying');
      }],
      [TRACE_WRITE, (m) => {
        const w = m as WriteTrace;
        if (w.phase === 'start' && isFirstWrite(w.step)) first('writeStart');
      }],
      [TRACE_DONE, (m) => {
        this.outstanding.delete((m as QueueTrace).id);
        if (this.outstanding.size === 0 && !Number.isNaN(this.cur.enqueued)) {
          first('complete');
          this.onComplete?.();
        }
      }],
    ];
    for (const [name, fn] of this.handlers) subscribe(name, fn);
  }

  /** Starts a new edge; its `written` stamp is set by the caller right after the write returns. */
  begin(): EdgeStamps {
    this.cur = blank();
    this.edges.push(this.cur);
    return this.cur;
  }

  accepted(): void {
    if (Number.isNaN(this.cur.accepted)) this.cur.accepted = performance.now();
  }

  /** Resolves when every action of the current edge is done, so the next edge starts on an idle HAL. */
  settled(): Promise<void> {
    if (!Number.isNaN(this.cur.complete)) return Promise.resolve();
    return new Promise((r) => (this.onComplete = () => {
      this.onComplete = undefined;
      r();
    }));
  }

  close(): void {
    for (const [name, fn] of this.handlers) unsubscribe(name, fn);
  }
}

/** p50/p90/p99/max of each segment, one line each. */
export function breakdown(edges: readonly EdgeStamps[]): string[] {
  return SEGMENTS.map(([label, from, to]) => {
    const xs = edges.map((e) => e[to] - e[from]).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    if (xs.length === 0) return `  ${label.padEnd(36)} (not seen)`;
    const p = (q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!.toFixed(2).padStart(7);
    return `  ${label.padEnd(36)} p50 ${p(0.5)}  p90 ${p(0.9)}  p99 ${p(0.99)}  max ${p(1)} ms`;
  });
}
