// A hand-cranked clock for unit tests: time moves only when the test calls tick()/set(), synchronously.
import { VirtualClock } from './virtual-clock.ts';

/**
 * Like a fake-timer library, but injected rather than patched in: tick(ms) fires due timers in
 * (due, creation) order, setting now() to each timer's instant as it fires. Promise continuations do
 * not run inside tick(); use LockstepClock when the code under test awaits. Holds are counted but do
 * not stop time — that is the point of a manual clock.
 */
export class ManualClock extends VirtualClock {
  private heldCount = 0;

  constructor(start = 0) {
    super(start);
  }

  hold(_reason: string): () => void {
    this.heldCount++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.heldCount--;
    };
  }

  /** Holds taken and not yet released (a test can assert that work released what it took). */
  get held(): number {
    return this.heldCount;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer due on the way. Returns how many fired. */
  tick(ms: number): number {
    return this.set(this.t + Math.max(0, ms));
  }

  /** Moves time to the absolute instant `t` (never backwards), firing every timer due on the way. */
  set(t: number): number {
    if (t < this.t) throw new RangeError(`ManualClock: cannot go back from ${this.t} to ${t}`);
    let fired = 0;
    for (let due = this.timers.nextDue(); due !== undefined && due <= t; due = this.timers.nextDue()) {
      this.t = Math.max(this.t, due);
      this.timers.takeDue(this.t)?.();
      fired++;
    }
    this.t = t;
    return fired;
  }
}
