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
  private readonly series = new Map<string, Growing>();
  private readonly counts = new Map<string, number>();
  private list: readonly Series[] | undefined;

  change(t: number, prev: PodView | undefined, next: PodView | undefined): void {
    if (prev?.workload !== undefined) {
      if (prev.ready) this.bump(t, `ready/${prev.workload}`, -1);
      if (prev.phase === 'Pending') this.bump(t, `pending/${prev.workload}`, -1);
    }
    if (next?.workload !== undefined) {
      if (next.ready) this.bump(t, `ready/${next.workload}`, 1);
      if (next.phase === 'Pending') this.bump(t, `pending/${next.workload}`, 1);
      // A workload's series exist from its first pod on, even at zero.
      this.ensure(t, `ready/${next.workload}`);
      this.ensure(t, `pending/${next.workload}`);
    }
  }

  all(): readonly Series[] {
    return (this.list ??= [...this.series.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  }

  private ensure(t: number, name: string): Growing {
    let s = this.series.get(name);
    if (!s) {
      s = { name, t: [t], v: [0] };
      this.series.set(name, s);
      this.list = undefined;
    }
    return s;
  }

  private bump(t: number, name: string, by: number): void {
    const s = this.ensure(t, name);
    const n = (this.counts.get(name) ?? 0) + by;
    this.counts.set(name, n);
    const last = s.t.length - 1;
    if (s.t[last] === t) s.v[last] = n;
    else {
      s.t.push(t);
      s.v.push(n);
    }
  }
}
