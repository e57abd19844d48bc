// Virtual time that jumps to the next timer only when all work is quiescent — lockstep, as the
// PX4 and ArduPilot software-in-the-loop simulators step their physics only when the autopilot is done.
import type { Clock, TimerHandle } from './clock.ts';
import { HoldRegistry, type HoldInfo } from './holds.ts';
import { LockstepStalledError } from './lockstep-stalled-error.ts';
import { RealClock } from './real-clock.ts';
import { VirtualClock } from './virtual-clock.ts';

export interface LockstepClockOptions {
  /** Virtual start instant, ms since the Unix epoch. */
  start: number;
  /**
   * Event-loop turns (real setImmediate) that must pass with no hold outstanding and none newly
   * taken before an instant counts as finished, after any hold was taken there. Default 3.
   */
  settleTurns?: number;
  /**
   * Real milliseconds one virtual instant may stay busy before run() rejects with a
   * LockstepStalledError naming the outstanding holds. Default 30 000; 0 or Infinity disables.
   */
  stallTimeoutMs?: number;
  /** Wall clock for the stall watchdog (tests inject a ManualClock). Default: a RealClock. */
  wallClock?: Clock;
}

export type RunOutcome = 'reached' | 'idle' | 'stopped';

export interface RunResult {
  /** 'reached': virtual time got to the target; 'idle': no timer left and nothing held; 'stopped': stop() was called. */
  readonly outcome: RunOutcome;
  /** Virtual time when the run returned. */
  readonly now: number;
  /** Timer callbacks fired during the run. */
  readonly fired: number;
}

/** Drains the microtask queue and lets ready I/O callbacks run: one trip round the real event loop. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A Clock whose time moves only inside run()/advanceTo()/runFor().
 *
 * The rule for code running on it: **take the hold before the first await.** A timer callback (or
 * request handler) that starts asynchronous work calls `const done = clock.hold('why')`
 * synchronously, before it awaits anything, and calls `done()` when the work is finished (in a
 * `finally`). Time then cannot move past that work. Promise continuations alone are also waited for
 * (the loop is drained each instant), but real I/O is only waited for when held.
 *
 * The converse rule: **never hold across a wait on this clock** (sleep, a timer, a backoff). Time
 * cannot reach the timer while the hold stands, so that deadlocks; the stall watchdog reports it.
 *
 * Timers due at one instant fire in creation order, as one batch, without draining microtasks
 * between them (Node would); the instant is then settled as a whole before time moves on.
 */
export class LockstepClock extends VirtualClock {
  private readonly registry = new HoldRegistry();
  private readonly settleTurns: number;
  private readonly stallTimeoutMs: number;
  private readonly wall: Clock;
  private checkedEpoch = 0;
  private driving = false;
  private stopRequested = false;

  constructor(options: LockstepClockOptions) {
    const { start, settleTurns = 3, stallTimeoutMs = 30_000 } = options;
    if (!Number.isFinite(start)) throw new RangeError(`LockstepClock: start must be a finite epoch ms, got ${start}`);
    if (!Number.isInteger(settleTurns) || settleTurns < 1) {
      throw new RangeError(`LockstepClock: settleTurns must be an integer >= 1, got ${settleTurns}`);
    }
    if (!(stallTimeoutMs >= 0)) throw new RangeError(`LockstepClock: stallTimeoutMs must be >= 0, got ${stallTimeoutMs}`);
    super(Math.floor(start));
    this.settleTurns = settleTurns;
    this.stallTimeoutMs = stallTimeoutMs === 0 ? Infinity : stallTimeoutMs;
    this.wall = options.wallClock ?? new RealClock();
  }

  hold(reason: string): () => void {
    return this.registry.take(reason, this.t);
  }

  /** Outstanding holds, oldest first: what a stuck run is waiting for. */
  holds(): readonly HoldInfo[] {
    return this.registry.list();
  }

  /** Timers still queued (an interval counts once). */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Virtual instant of the next timer, or undefined when none is queued. */
  nextTimerAt(): number | undefined {
    return this.timers.nextDue();
  }

  /** True while run()/advanceTo()/runFor()/settle() is driving time. */
  get running(): boolean {
    return this.driving;
  }

  /** No timer queued and no hold outstanding: nothing would ever happen again without outside input. */
  isIdle(): boolean {
    return this.timers.size === 0 && this.registry.count === 0;
  }

  /**
   * Drives virtual time: settles the current instant, jumps to the next timer, fires every timer due
   * then, and repeats, until virtual time reaches `untilMs` (absolute; timers due exactly then fire),
   * or, with no target, until nothing is queued or held. Rejects with a LockstepStalledError when an
   * instant stays busy longer than stallTimeoutMs, or with whatever a timer callback threw.
   */
  async run(untilMs: number = Infinity): Promise<RunResult> {
    if (this.driving) {
      throw new Error('LockstepClock: run() called while already running; await the previous run or call stop()');
    }
    if (Number.isNaN(untilMs) || untilMs < this.t) {
      throw new RangeError(`LockstepClock: cannot run back to ${untilMs}; virtual time is already ${this.t}`);
    }
    this.driving = true;
    this.stopRequested = false;
    let fired = 0;
    try {
      for (;;) {
        await this.quiesce();
        if (this.stopRequested) return { outcome: 'stopped', now: this.t, fired };
        const due = this.timers.nextDue();
        if (due === undefined || due > untilMs) {
          if (untilMs === Infinity) return { outcome: 'idle', now: this.t, fired };
          this.t = Math.floor(untilMs);
          return { outcome: 'reached', now: this.t, fired };
        }
        if (due > this.t) this.t = due;
        fired += this.fireDue();
      }
    } finally {
      this.driving = false;
    }
  }

  /** Runs until virtual time is `t` (absolute ms since epoch). */
  advanceTo(t: number): Promise<RunResult> {
    return this.run(t);
  }

  /** Runs for `ms` of virtual time from now. */
  runFor(ms: number): Promise<RunResult> {
    return this.run(this.t + Math.max(0, ms));
  }

  /** Settles the current instant (fires what is due now, waits for holds) without moving time. */
  settle(): Promise<RunResult> {
    return this.run(this.t);
  }

  /** Runs until no timer is queued and nothing is held. Never resolves while an interval is live — use run(until) then. */
  idle(): Promise<RunResult> {
    return this.run();
  }

  /** Makes the current run return 'stopped' once the batch in progress is done, even if holds are outstanding. */
  stop(): void {
    if (!this.driving) return;
    this.stopRequested = true;
    this.registry.poke();
  }

  /** Fires every timer due at the current instant, including ones those callbacks add for the same instant. */
  private fireDue(): number {
    let n = 0;
    for (let fn = this.timers.takeDue(this.t); fn !== undefined; fn = this.timers.takeDue(this.t)) {
      n++;
      fn();
    }
    return n;
  }

  /**
   * Waits until the instant is finished. Fast path: if no hold was taken since the last check, one
   * event-loop turn (draining promise continuations) is enough unless that turn takes a hold.
   * Slow path: wait for outstanding holds, then require settleTurns quiet turns in a row.
   */
  private async quiesce(): Promise<void> {
    const registry = this.registry;
    if (registry.count === 0 && registry.epoch === this.checkedEpoch) {
      await turn();
      if (registry.count === 0 && registry.epoch === this.checkedEpoch) return;
    }
    await this.settleSlowly();
    this.checkedEpoch = registry.epoch;
  }

  private async settleSlowly(): Promise<void> {
    const registry = this.registry;
    const started = this.wall.now();
    let quiet = 0;
    while (quiet < this.settleTurns && !this.stopRequested) {
      if (registry.count > 0) {
        await this.waitForRelease(started);
        quiet = 0;
        continue;
      }
      const epoch = registry.epoch;
      await turn();
      quiet = registry.count === 0 && registry.epoch === epoch ? quiet + 1 : 0;
      const waited = this.wall.now() - started;
      if (quiet === 0 && waited > this.stallTimeoutMs) {
        throw new LockstepStalledError(registry.list(), this.t, waited);
      }
    }
  }

  /** Resolves when the last hold is released or stop() is called; rejects when the watchdog fires first. */
  private waitForRelease(started: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let watchdog: TimerHandle | undefined;
      this.registry.onceReleased(() => {
        this.wall.clearTimeout(watchdog);
        resolve();
      });
      if (this.stallTimeoutMs !== Infinity) {
        const remaining = Math.max(0, started + this.stallTimeoutMs - this.wall.now());
        watchdog = this.wall.setTimeout(() => {
          this.registry.onceReleased(noop);
          reject(new LockstepStalledError(this.registry.list(), this.t, this.wall.now() - started));
        }, remaining);
      }
    });
  }
}

const noop = (): void => {};
