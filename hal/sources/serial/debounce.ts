// Switch debounce, pure: a raw state must hold for `debounceMs` before it is accepted. Time is passed in.

export const DEFAULT_DEBOUNCE_MS = 20;

export interface DebounceOptions<S> {
  /** How long a new raw state must hold before it is accepted. Default 20 ms; 0 accepts at once. */
  readonly debounceMs?: number;
  /**
   * The accepted state at start; `null` (default) means unknown, and the first stable reading is
   * then reported as an edge from `null` — e.g. after a restart, when the box re-reads its switches.
   */
  readonly initial?: S | null;
}

export interface DebouncedEdge<S> {
  readonly state: S;
  readonly previous: S | null;
  /** When the state was accepted: the raw change plus debounceMs, independent of poll timing. */
  readonly atMs: number;
  /** When the raw reading first showed this state. */
  readonly rawSinceMs: number;
}

/** One switch. Call update() on every raw reading and poll() when nextDeadline() is due. */
export class Debouncer<S extends string | number | boolean = boolean> {
  readonly debounceMs: number;
  private accepted: S | null;
  private candidate: { state: S; since: number } | null = null;
  private lastMs = -Infinity;
  private readonly pending: DebouncedEdge<S>[] = [];

  constructor(options: DebounceOptions<NoInfer<S>> = {}) {
    const ms = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`debounceMs ${ms} must be a finite number >= 0`);
    this.debounceMs = ms;
    this.accepted = options.initial ?? null;
  }

  /** The accepted (debounced) state, or null while still unknown. */
  get state(): S | null {
    return this.accepted;
  }

  /** Time at which a pending raw change would be accepted, if one is pending. */
  nextDeadline(): number | undefined {
    return this.candidate ? this.candidate.since + this.debounceMs : undefined;
  }

  /** Records a raw reading taken at `atMs`. Repeating the same reading does not restart the wait. */
  update(raw: S, atMs: number): void {
    this.advance(atMs);
    if (raw === this.accepted) {
      this.candidate = null; // a bounce that came back before the deadline: nothing happened
    } else if (!this.candidate || this.candidate.state !== raw) {
      this.candidate = { state: raw, since: atMs };
    }
  }

  /** Accepted edges up to and including `atMs`, oldest first. */
  poll(atMs: number): DebouncedEdge<S>[] {
    this.advance(atMs);
    return this.pending.splice(0);
  }

  private advance(atMs: number): void {
    if (!Number.isFinite(atMs) || atMs < this.lastMs) {
      throw new RangeError(`time went backwards or is not finite: ${atMs} after ${this.lastMs}`);
    }
    this.lastMs = atMs;
    const c = this.candidate;
    if (c && atMs >= c.since + this.debounceMs) {
      this.pending.push({ state: c.state, previous: this.accepted, atMs: c.since + this.debounceMs, rawSinceMs: c.since });
      this.accepted = c.state;
      this.candidate = null;
    }
  }
}

export interface KeyedEdge<S> extends DebouncedEdge<S> {
  readonly key: string;
}

/** A debouncer per key (switch id), created on first reading, for one device's switches. */
export class DebounceBank<S extends string | number | boolean = boolean> {
  private readonly byKey = new Map<string, Debouncer<S>>();

  constructor(private readonly options: DebounceOptions<NoInfer<S>> = {}) {
    // Validate the options now rather than on the first reading.
    new Debouncer<S>(options);
  }

  state(key: string): S | null {
    return this.byKey.get(key)?.state ?? null;
  }

  update(key: string, raw: S, atMs: number): void {
    let d = this.byKey.get(key);
    if (!d) {
      d = new Debouncer<S>(this.options);
      this.byKey.set(key, d);
    }
    d.update(raw, atMs);
  }

  /** Edges of all keys up to `atMs`, ordered by time then key so results never depend on Map order. */
  poll(atMs: number): KeyedEdge<S>[] {
    const out: KeyedEdge<S>[] = [];
    for (const [key, d] of this.byKey) for (const e of d.poll(atMs)) out.push({ key, ...e });
    return out.sort((a, b) => a.atMs - b.atMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  nextDeadline(): number | undefined {
    let next: number | undefined;
    for (const d of this.byKey.values()) {
      const t = d.nextDeadline();
      if (t !== undefined && (next === undefined || t < next)) next = t;
    }
    return next;
  }
}
