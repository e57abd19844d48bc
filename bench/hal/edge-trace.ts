// Where one frame's time goes: subscribes to the HAL's diagnostics_channel trace points and stamps each
// (performance.now() in the bench, never in the HAL) per edge, so the latency figure can be explained.
// The API's acceptance comes from the twin's own process (twin-process.ts), already in this clock, once
// the edge is over (record()); so do the twin's request stamps and both processes' garbage collections.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { PerformanceObserver } from 'node:perf_hooks';
import { TRACE_APPLYING, TRACE_DONE, TRACE_ENQUEUED, TRACE_IDLE, TRACE_SYNCED, TRACE_SYNCING, TRACE_WRITE, type QueueTrace, type WriteTrace } from '../../hal/cluster/index.ts';
import { TRACE_SERIAL_BYTES, TRACE_SERIAL_SIGNAL } from '../../hal/sources/serial/index.ts';
import type { Gc, TwinLog, TwinWrite } from './twin-process.ts';

/** Node's own channel: a client request's head and body handed to its socket (ClientRequest._finish). */
const HTTP_CLIENT_REQUEST = 'http.client.request.start';

/** Stamps of one edge, ms from performance.now(); a stage not seen stays NaN. */
export interface EdgeStamps {
  written: number;
  bytes: number;
  signal: number;
  enqueued: number;
  /** The queue loop picked the head up (its fsync starts, if it needs one). */
  picked: number;
  applying: number;
  /** The head's fsync ended (it runs beside the apply). */
  synced: number;
  writeStart: number;
  /** The first request of the edge handed to its (TLS) socket in the HAL. */
  sent: number;
  /** The twin's HTTP server had parsed the edge's first request. */
  arrived: number;
  /** The twin committed the edge's first write. */
  accepted: number;
  /** The twin handed the response to the edge's first request to its socket (after any watch fan-out). */
  answered: number;
  /** The twin committed the write the edge is for (a separation's out-of-service taint; for a link, the first write). */
  effect: number;
  /** The last of the edge's actions done (every node annotated, every Event posted). */
  complete: number;
  /** GC pauses (ms) in the HAL's process and in the twin's between the frame written and the effect accepted. */
  halGcMs: number;
  twinGcMs: number;
}

/** [label, from, to, spans the debounce window (subtracted: it is the design, not latency)]. */
export const SEGMENTS: ReadonlyArray<readonly [string, keyof EdgeStamps, keyof EdgeStamps, boolean?]> = [
  ['pty write → bytes read (socat)', 'written', 'bytes'],
  ['bytes read → signal', 'bytes', 'signal', true],
  ['signal → enqueued (journalled)', 'signal', 'enqueued'],
  ['enqueued → queue picks it up', 'enqueued', 'picked'],
  ['picked → apply', 'picked', 'applying'],
  ['apply → first write sent', 'applying', 'writeStart'],
  ['write sent → API accepted (twin)', 'writeStart', 'accepted'],
  ['  write sent → on the socket (HAL)', 'writeStart', 'sent'],
  ['  on the socket → parsed by the twin', 'sent', 'arrived'],
  ['  parsed → committed (twin handler)', 'arrived', 'accepted'],
  ['  committed → answered (twin: watch fan-out, response)', 'accepted', 'answered'],
  ['fsync (beside the write)', 'picked', 'synced'],
  ['HAL leg: bytes read → API accepted', 'bytes', 'accepted', true],
  ['TOTAL frame → API accepted', 'written', 'accepted', true],
  ['frame → effect accepted (SEP: the taint)', 'written', 'effect', true],
  ['frame → edge complete (all writes)', 'written', 'complete', true],
];

const blank = (): EdgeStamps => ({
  written: NaN, bytes: NaN, signal: NaN, enqueued: NaN, picked: NaN, applying: NaN, synced: NaN, writeStart: NaN, sent: NaN, arrived: NaN,
  accepted: NaN, answered: NaN, effect: NaN, complete: NaN, halGcMs: 0, twinGcMs: 0,
});

export class EdgeTracer {
  readonly edges: EdgeStamps[] = [];
  private cur: EdgeStamps = blank();
  private outstanding = new Set<number>();
  private onComplete: (() => void) | undefined;
  /** The current edge's actions are done and the queue's journal is flushed. */
  private idle = false;
  private readonly handlers: Array<[string, (m: unknown) => void]>;
  private halGcs: Gc[] = [];
  private readonly gcObserver: PerformanceObserver;

  constructor() {
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
      [TRACE_SYNCED, () => first('synced')],
      [TRACE_APPLYING, () => {
        first('picked');
        first('applying');
      }],
      [TRACE_WRITE, (m) => {
        const w = m as WriteTrace;
        if (w.phase === 'start') first('writeStart');
      }],
      [HTTP_CLIENT_REQUEST, () => {
        if (!Number.isNaN(this.cur.writeStart)) first('sent');
      }],
      [TRACE_DONE, (m) => {
        this.outstanding.delete((m as QueueTrace).id);
        if (this.outstanding.size === 0 && !Number.isNaN(this.cur.enqueued)) first('complete');
      }],
      // Idle means the disk too: the queue's idle flush of the edge's done-markers has ended (the next
      // edge's action would otherwise wait for it — see ActionQueue on replay order).
      [TRACE_IDLE, () => {
        if (this.outstanding.size !== 0 || Number.isNaN(this.cur.complete)) return;
        this.idle = true;
        this.onComplete?.();
      }],
    ];
    for (const [name, fn] of this.handlers) subscribe(name, fn);
    this.gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.halGcs.push({ at: e.startTime, ms: e.duration, kind: ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? 0 });
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  /** Starts a new edge; its `written` stamp is set by the caller right after the write returns. */
  begin(): EdgeStamps {
    this.cur = blank();
    this.idle = false;
    this.edges.push(this.cur);
    return this.cur;
  }

  /**
   * Fills the current edge's twin-side stamps from what the twin saw during it (drained after the edge):
   * its first write, the write `wanted` (false when it never came), the first request, and GC pauses
   * in either process up to the effect. Call once the edge has settled.
   */
  record(log: TwinLog, wanted: (w: TwinWrite) => boolean): boolean {
    const e = this.cur;
    e.accepted = log.writes.length ? Math.min(...log.writes.map((w) => w.at)) : NaN;
    e.effect = log.writes.filter(wanted).reduce((m, w) => (Number.isNaN(m) ? w.at : Math.min(m, w.at)), NaN);
    const first = log.requests.filter((r) => r.at >= e.written).sort((a, b) => a.at - b.at)[0];
    e.arrived = first?.at ?? NaN;
    e.answered = first?.answered ?? NaN;
    const end = Number.isNaN(e.effect) ? e.accepted : e.effect;
    const overlap = (gcs: readonly Gc[]) => gcs.filter((g) => g.at + g.ms >= e.written && g.at <= end).reduce((s, g) => s + g.ms, 0);
    e.halGcMs = overlap(this.halGcs);
    e.twinGcMs = overlap(log.gcs);
    this.halGcs = [];
    return !Number.isNaN(e.effect);
  }

  /** Resolves when every action of the current edge is done and the journal flushed: the next edge starts on an idle HAL. */
  settled(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((r) => (this.onComplete = () => {
      this.onComplete = undefined;
      r();
    }));
  }

  close(): void {
    for (const [name, fn] of this.handlers) unsubscribe(name, fn);
    this.gcObserver.disconnect();
  }
}

/** p50/p90/p99/max of each segment, one line each; `debounceMs` comes off the segments that span it. */
export function breakdown(edges: readonly EdgeStamps[], debounceMs = 0): string[] {
  return SEGMENTS.map(([label, from, to, spans]) => {
    const xs = edges.map((e) => e[to] - e[from] - (spans ? debounceMs : 0)).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    const name = spans && debounceMs > 0 ? `${label} − ${debounceMs} ms` : label;
    if (xs.length === 0) return `  ${name.padEnd(44)} (not seen)`;
    return `  ${name.padEnd(44)} ${quantiles(xs)}`;
  });
}

/** "p50 … p90 … p99 … max … ms" of sorted `xs`. */
export function quantiles(xs: readonly number[]): string {
  const p = (q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!.toFixed(2).padStart(7);
  return `p50 ${p(0.5)}  p90 ${p(0.9)}  p99 ${p(0.99)}  max ${p(1)} ms`;
}
