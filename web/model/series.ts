// Chart series built as records are appended: telemetry per "channel.key", pods ready/pending per workload.
import type { PodView, Series } from './types.ts';

interface Growing {
  readonly name: string;
  readonly t: number[];
  readonly v: number[];
}

/** Telemetry values as series "channel.key" (e.g. "vehicle.altitudeM", "bus/s1-bus.volts"). */
export class TelemetrySeries {
  private readonly byName = new Map<string, Growing>();
  /** Per channel, its series in key order, so a channel's record costs no string building. */
  private readonly byChannel = new Map<string, Map<string, Growing>>();
  private sortedNames: readonly string[] | undefined;

  add(t: number, channel: string, values: Readonly<Record<string, number>>): void {
    let keys = this.byChannel.get(channel);
    if (!keys) this.byChannel.set(channel, (keys = new Map()));
    for (const k in values) {
      let s = keys.get(k);
      if (!s) {
        s = { name: `${channel}.${k}`, t: [], v: [] };
        keys.set(k, s);
        this.byName.set(s.name, s);
        this.sortedNames = undefined;
      }
      s.t.push(t);
      s.v.push(values[k]!);
    }
  }

  get(name: string): Series | undefined {
    return this.byName.get(name);
  }

  names(): readonly string[] {
    return (this.sortedNames ??= [...this.byName.keys()].sort());
  }
}

/**
 * Pods Ready and Pending per workload ("ready/<w>", "pending/<w>"), one point per change. Changes at
 * one instant fold into one point (a rescheduling burst is one step, not a spike).
 */
export class PodSeries {
  private readonly byWorkload = new Map<string, { ready: Growing; pending: Growing; readyN: number; pendingN: number }>();
  private list: readonly Series[] | undefined;
  /** Over all workloads (pods without a workload are not counted, as in the per-workload series). */
  readonly totals: { readonly ready: Growing; readonly pending: Growing } = { ready: { name: 'ready', t: [], v: [] }, pending: { name: 'pending', t: [], v: [] } };
  private readyN = 0;
  private pendingN = 0;

  change(t: number, prev: PodView | undefined, next: PodView | undefined): void {
    if (prev?.workload !== undefined) {
      const w = this.of(t, prev.workload);
      if (prev.ready) put(w.ready, t, --w.readyN), put(this.totals.ready, t, --this.readyN);
      if (prev.phase === 'Pending') put(w.pending, t, --w.pendingN), put(this.totals.pending, t, --this.pendingN);
    }
    if (next?.workload !== undefined) {
      const w = this.of(t, next.workload);
      if (next.ready) put(w.ready, t, ++w.readyN), put(this.totals.ready, t, ++this.readyN);
      if (next.phase === 'Pending') put(w.pending, t, ++w.pendingN), put(this.totals.pending, t, ++this.pendingN);
    }
  }

  all(): readonly Series[] {
    if (!this.list) {
      const out: Growing[] = [];
      for (const w of this.byWorkload.values()) out.push(w.ready, w.pending);
      this.list = out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return this.list;
  }

  /** A workload's series exist from its first pod on, starting at zero. */
  private of(t: number, workload: string): { ready: Growing; pending: Growing; readyN: number; pendingN: number } {
    let w = this.byWorkload.get(workload);
    if (!w) {
      w = { ready: { name: `ready/${workload}`, t: [t], v: [0] }, pending: { name: `pending/${workload}`, t: [t], v: [0] }, readyN: 0, pendingN: 0 };
      this.byWorkload.set(workload, w);
      this.list = undefined;
    }
    return w;
  }
}

function put(s: Growing, t: number, n: number): void {
  const last = s.t.length - 1;
  if (s.t[last] === t) s.v[last] = n;
  else {
    s.t.push(t);
    s.v.push(n);
  }
}
