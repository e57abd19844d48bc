// Records known before the run reaches their instant (the vehicle's telemetry), journalled as the lockstep clock
// passes it rather than by a clock timer each. An instant that only telemetry fills is a lockstep instant the clock
// must fire and settle (~10-20 µs) while nothing in the cluster happens: falcon9-leo has ~600 of them, once a second.

/** Records that are due at one clock instant (absolute ms). */
export interface BatchAhead<R> {
  readonly at: number;
  readonly records: readonly R[];
}

/**
 * Hands each batch to `add` once the clock has reached its instant: call `upTo(now)` before anything else is
 * recorded at `now`, and once at the end. A batch due exactly now thus comes before what else is recorded now, as a
 * timer set up front would have fired before anything set later for the same instant.
 */
export class RecordsAhead<R> {
  private next = 0;

  /** @param batches ascending by `at`. */
  constructor(
    private readonly batches: readonly BatchAhead<R>[],
    private readonly add: (r: R) => void,
  ) {
    for (let i = 1; i < batches.length; i++) {
      if (batches[i]!.at < batches[i - 1]!.at) throw new RangeError(`RecordsAhead: batch ${i} at ${batches[i]!.at} comes before the one ahead of it (${batches[i - 1]!.at})`);
    }
  }

  /** Adds every batch due at or before `now` not added yet. */
  upTo(now: number): void {
    const batches = this.batches;
    while (this.next < batches.length && batches[this.next]!.at <= now) {
      for (const r of batches[this.next++]!.records) this.add(r);
    }
  }
}
