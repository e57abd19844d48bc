// The canonical order of one virtual instant's journal records in lockstep: what the runner did (signals,
// telemetry, actions and their results, logs) before what the cluster was then seen doing, each in arrival order.
// Simultaneous records have no order in virtual time; in wall time an action's HTTPS response and the twin's
// controllers reacting to that write race on the event loop, and a seeded run must give the same journal every time.
// Cause before effect is also how a reader expects an instant to read: the rollout, then its new pods.
import type { JournalRecord } from '../../hal/signals/index.ts';

export class InstantBuffer {
  private instant = Number.NaN;
  private ours: JournalRecord[] = [];
  private cluster: JournalRecord[] = [];

  /**
   * @param now the virtual clock; @param emit receives each record once its instant is over (or on flush).
   * @param afterInstant asks for `flush` to run once the instant is over (lockstep: a timer 1 ms on, which fires only
   *   when the instant has settled), so live watchers see an instant's records then, not with the next ones.
   */
  constructor(
    private readonly now: () => number,
    private readonly emit: (r: JournalRecord) => void,
    private readonly afterInstant: (flush: () => void) => void = () => undefined,
  ) {}

  add(r: JournalRecord): void {
    const t = this.now();
    if (t !== this.instant) {
      this.flush();
      this.instant = t;
      // Only this instant: by the time the request fires, a later one may have begun (and flushed this one).
      this.afterInstant(() => {
        if (this.instant === t) this.flush();
      });
    }
    (r.kind === 'cluster' ? this.cluster : this.ours).push(r);
  }

  /** Emits the buffered instant (the clock moved on, or the run ends). */
  flush(): void {
    const ours = this.ours;
    const cluster = this.cluster;
    this.ours = [];
    this.cluster = [];
    for (const r of ours) this.emit(r);
    for (const r of cluster) this.emit(r);
  }
}
