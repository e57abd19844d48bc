// Seeking: periodic snapshots of the scene, binary search to the nearest, replay forward.
import { countPrefix } from './bisect.ts';
import type { JournalRecord } from './types.ts';
import { cloneWorking, step, type Effect, type Working } from './working.ts';

/**
 * Snapshot policy: one (a frozen copy of the head) each time the head has advanced by
 * max(MIN_SNAPSHOT_SPACING, nodes + pods) records since the last. Copying costs about one map entry per
 * node and pod, so this spacing keeps the copies at most one entry per record in total (appends stay
 * O(1) amortised, memory linear), while a seek replays at most that many records: about 10k simple
 * map writes on the large profile, a millisecond or two.
 */
export const MIN_SNAPSHOT_SPACING = 2048;

/**
 * Running maximum of record times: the state "at t" is every record whose running maximum is <= t.
 * Expect records are written after judging with an earlier t; a plain "t <= target" filter would make
 * the prefix non-contiguous, and they change nothing in the scene anyway.
 */
export class SeekIndex {
  private times = new Float64Array(1024);
  private count = 0;
  private maxT = -Infinity;
  private readonly snapshots: Working[] = [];
  private cursor: Working;

  constructor(
    private readonly records: readonly JournalRecord[],
    private readonly effects: readonly (Effect | undefined)[],
    initial: Working,
    private readonly minSpacing = MIN_SNAPSHOT_SPACING,
  ) {
    const first = cloneWorking(initial);
    first.shared = true;
    this.snapshots.push(first);
    this.cursor = first;
  }

  /** Called after the head applied record `count` (so `head.idx === count + 1`). */
  appended(t: number, head: Working): void {
    if (this.count === this.times.length) {
      const bigger = new Float64Array(this.times.length * 2);
      bigger.set(this.times);
      this.times = bigger;
    }
    if (t > this.maxT) this.maxT = t;
    this.times[this.count++] = this.maxT;
    const last = this.snapshots[this.snapshots.length - 1]!;
    if (head.idx - last.idx >= Math.max(this.minSpacing, head.nodes.size + head.pods.size)) {
      const snap = cloneWorking(head);
      snap.shared = true;
      this.snapshots.push(snap);
    }
  }

  /** How many records are applied at time t. */
  countAt(t: number): number {
    const times = this.times;
    return countPrefix(this.count, (i) => times[i]! <= t);
  }

  /**
   * The scene after `idx` records. The result's maps are shared with the cursor (marked so): the next
   * seek copies before writing, so a returned state never changes under its reader.
   */
  workingAt(idx: number): Working {
    const snap = this.snapshotBefore(idx);
    let w = this.cursor;
    if (w.idx > idx || idx - w.idx > idx - snap.idx) w = snap;
    if (w.idx < idx) {
      if (w.shared) w = cloneWorking(w);
      for (let i = w.idx; i < idx; i++) step(w, this.records[i]!, this.effects[i]);
    }
    w.shared = true;
    this.cursor = w;
    return w;
  }

  get snapshotCount(): number {
    return this.snapshots.length;
  }

  private snapshotBefore(idx: number): Working {
    // The first snapshot (idx 0) always qualifies, so the count is at least 1.
    return this.snapshots[countPrefix(this.snapshots.length, (i) => this.snapshots[i]!.idx <= idx) - 1]!;
  }
}
