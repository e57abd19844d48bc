// Bookkeeping for Clock.hold(): which work is outstanding, and whether any was taken since a check.

/** One outstanding hold, for error messages and watchdogs. */
export interface HoldInfo {
  readonly id: number;
  readonly reason: string;
  /** Clock time (ms since epoch) when the hold was taken. */
  readonly since: number;
}

export class HoldRegistry {
  private readonly outstanding = new Map<number, HoldInfo>();
  private nextId = 1;
  private listener: (() => void) | undefined;
  /** Bumped on every hold taken: lets a lockstep clock skip the slow quiescence check when nothing happened. */
  epoch = 0;

  get count(): number {
    return this.outstanding.size;
  }

  list(): readonly HoldInfo[] {
    return [...this.outstanding.values()];
  }

  /** Returns the release function; releasing twice is harmless (the second call is ignored). */
  take(reason: string, now: number): () => void {
    const info: HoldInfo = { id: this.nextId++, reason, since: now };
    this.outstanding.set(info.id, info);
    this.epoch++;
    return () => {
      if (!this.outstanding.delete(info.id)) return;
      if (this.outstanding.size === 0) this.notify();
    };
  }

  /** Calls `fn` once, the next time the last hold is released (or at once-off `poke`). */
  onceReleased(fn: () => void): void {
    this.listener = fn;
  }

  /** Wakes whoever waits in onceReleased, e.g. because the run was stopped. */
  poke(): void {
    this.notify();
  }

  private notify(): void {
    const fn = this.listener;
    this.listener = undefined;
    fn?.();
  }
}
