// The durable, ordered action queue: actions run one at a time in enqueue order; while the API is
// away or answers 503/429/409 the head is retried with backoff (nothing behind it overtakes it).
// At-least-once plus idempotent actions = each action's effect exactly once, even across a kill.
//
// The fsync that makes an action's line durable runs on the thread pool WHILE the action is applied,
// and the action is not done (no done-marker, nothing behind it starts) until both have finished.
// This log is redo-only: nothing is ever undone from it, so an effect that reaches the cluster before
// its line reaches the disk is harmless — a power cut in that window leaves the effect applied once and
// no line to apply it again; a cut before the effect leaves neither (the same as a cut a moment before
// the signal). The one danger is replay ORDER: a finished action whose done-marker did not reach the
// disk is re-applied after a power cut, and if a later action's effect is already in the cluster with
// no durable line of its own to be re-applied after it, the old one would undo it (a taint replayed
// after its untaint). So an action is applied beside its own fsync only when every done-marker before
// it is on disk (on an idle HAL the idle flush saw to that); otherwise its line and those markers are
// fsynced first, as a write-ahead log does. An action whose line is durable already runs at once: if
// an earlier one is replayed, so is it, after it. (QueueJournal.open adds the rest: a durable
// done-marker means every earlier action finished.) Killed rather than powered off, nothing depends
// on the fsync at all: write(2) already put every line in the file.
//
// The head's fsync starts before its apply. Started a turn later, once the apply's requests were on the
// wire, the first write was accepted ~0.1–0.2 ms sooner but the fsync, then competing with the twin for
// the cores, ended ~0.8 ms later, and the separation's taint with it (bench hal, 2 cores): not worth it.
import type { Clock, TimerHandle } from '../../sim/core/index.ts';
import type { Action } from '../signals/index.ts';
import { ClusterError, toClusterError } from './errors.ts';
import type { ExecResult } from './executor.ts';
import { QueueJournal, type QueuedAction } from './queue-journal.ts';
import { trace, TRACE_APPLYING, TRACE_DONE, TRACE_ENQUEUED, TRACE_IDLE, TRACE_SYNCED, TRACE_SYNCING } from './trace.ts';

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

// upstream: client-go's default rate-limited workqueue backs off 5 ms → 1000 s exponentially;
// a flight HAL wants a short ceiling so the cluster catches up within seconds of coming back.
export const DEFAULT_BACKOFF: Backoff = { initialMs: 100, maxMs: 5000, factor: 2 };

export interface Applier {
  apply(action: Action, key: string): Promise<ExecResult>;
}

export interface ActionQueueOptions {
  readonly path: string;
  readonly executor: Applier;
  readonly clock: Clock;
  readonly backoff?: Partial<Backoff>;
  /** Every finished action (applied, refused, failed, dry-run). */
  readonly onResult?: (entry: QueuedAction, result: ExecResult) => void;
  /** Each retry of the head while the API cannot take it. */
  readonly onRetry?: (entry: QueuedAction, error: ClusterError, delayMs: number) => void;
  /**
   * Default true: every line fsynced (group commit) before what depends on it, so a power cut loses nothing
   * acknowledged. False for a queue no one resumes (`kis run`): written, never fsynced (QueueJournal.open).
   */
  readonly durable?: boolean;
}

export class ActionQueue {
  private readonly journal: QueueJournal;
  private readonly items: QueuedAction[];
  private readonly o: ActionQueueOptions;
  private readonly backoff: Backoff;
  private running = false;
  private loop: Promise<void> | undefined;
  /** Resolves the wait for work when the queue is empty. */
  private wakeIdle: (() => void) | undefined;
  /** Cuts a backoff sleep short (stop only: new work must not hammer an API that is away). */
  private wakeSleep: (() => void) | undefined;
  private timer: TimerHandle | undefined;
  private idleWaiters: Array<() => void> = [];
  /** The group commit that whenDurable callers of this turn share, until it starts. */
  private commit: Promise<void> | undefined;

  /** Opens the journal at `path`; unfinished actions from a previous run are queued first, in order. */
  constructor(options: ActionQueueOptions) {
    this.o = options;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    const { journal, pending } = QueueJournal.open(options.path, () => options.clock.now().toString(36), options.durable ?? true);
    this.journal = journal;
    this.items = pending;
  }

  get depth(): number {
    return this.items.length;
  }

  /** fsyncs of the journal so far: with group commit, about one per burst of actions, not one per line. */
  get syncs(): number {
    return this.journal.syncs;
  }

  pending(): readonly QueuedAction[] {
    return [...this.items];
  }

  /**
   * Journalled when it returns: safe from a killed HAL at once, and fsynced (safe from a power cut)
   * before it counts as done — every action queued before that fsync starts shares it.
   * Runs after everything queued before it.
   */
  enqueue(action: Action): QueuedAction {
    return this.enqueueAll([action])[0]!;
  }

  /** As enqueue, for the actions of one decision: journalled in one write(2), all or (on a bad one) none. */
  enqueueAll(actions: readonly Action[]): QueuedAction[] {
    if (actions.length === 0) return [];
    const entries = this.journal.enqueueAll(actions, this.o.clock.now());
    for (const entry of entries) {
      this.items.push(entry);
      trace(TRACE_ENQUEUED, () => entry);
    }
    this.wakeIdle?.();
    return entries;
  }

  /**
   * Resolves once the lines of `entries` are on disk; undefined when they are already. Everything asked
   * for in one turn of the event loop shares one fsync (a burst of QoS 1 messages: one group commit),
   * independent of the apply, which may be busy with older actions or waiting for an API that is away.
   * A source whose medium acknowledges (MQTT QoS 1 PUBACK) acknowledges after this, so a power cut can
   * never lose an action whose message the device was told had arrived. Rejects when the fsync fails.
   */
  whenDurable(entries: readonly QueuedAction[]): Promise<void> | undefined {
    const last = entries[entries.length - 1];
    if (last === undefined || this.journal.durable(last.id)) return undefined;
    this.commit ??= this.held('queue.fsync-ack', async () => {
      // setImmediate orders work on the event loop (the rest of this turn's messages first); no timer.
      await new Promise<void>((r) => setImmediate(r));
      this.commit = undefined;
      await this.journal.flush();
    });
    return this.commit;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the action in flight (its done-marker is written if it finished); the rest stays journalled. */
  async stop(): Promise<void> {
    this.running = false;
    this.o.clock.clearTimeout(this.timer);
    this.wakeIdle?.();
    this.wakeSleep?.();
    await this.loop;
    await this.journal.close();
  }

  /** Resolves when nothing is queued (and nothing in flight). */
  idle(): Promise<void> {
    if (this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    let delay = 0;
    while (this.running) {
      const head = this.items[0];
      if (!head) {
        // Nothing owed: put the done-markers on disk while nobody waits (a power cut then re-applies nothing).
        // Off the event loop; a failure here is retried by the next flush, which an action then awaits.
        this.held('queue.flush-done', () => this.journal.flush()).then(
          () => this.items.length === 0 && trace(TRACE_IDLE, () => ({ syncs: this.journal.syncs })),
          () => undefined,
        );
        for (const w of this.idleWaiters.splice(0)) w();
        await new Promise<void>((r) => (this.wakeIdle = r));
        this.wakeIdle = undefined;
        continue;
      }
      // No clock.hold around apply: a drain sleeps on the clock between PDB retries, and a lockstep
      // clock held by its own sleeper would never advance. The twin holds it per request instead.
      let result: ExecResult | undefined;
      let retry: ClusterError | undefined;
      // Group commit, overlapped with the apply (see the top of this file); awaited before the action is done.
      let durable: Promise<void> | undefined;
      if (!this.journal.durable(head.id)) {
        if (!this.journal.donesDurable()) await this.held('queue.fsync-dones', () => this.journal.flushDones());
        durable = this.journal.durable(head.id) ? undefined : this.flushFor(head);
        durable?.catch(() => undefined); // handled: awaited below, after the apply
      }
      try {
        trace(TRACE_APPLYING, () => head);
        result = await this.o.executor.apply(head.action, head.key);
      } catch (e) {
        const err = toClusterError(e, head.action.type);
        if (err.retryable) retry = err;
        else result = { status: 'failed', detail: err.message, steps: [], alarms: [] };
      }
      // An fsync that fails (EIO, disk full) stops the queue as the blocking one did: the line may not be durable.
      await durable;
      if (result) {
        this.journal.done(head.id, result.status, result.detail);
        this.items.shift();
        trace(TRACE_DONE, () => head);
        delay = 0;
        this.o.onResult?.(head, result);
        continue;
      }
      if (!retry || !this.running) continue;
      delay = delay === 0 ? this.backoff.initialMs : Math.min(this.backoff.maxMs, delay * this.backoff.factor);
      const wait = Math.min(this.backoff.maxMs, Math.max(delay, retry.retryAfterMs ?? 0));
      this.o.onRetry?.(head, retry, wait);
      await new Promise<void>((r) => {
        this.wakeSleep = r;
        this.timer = this.o.clock.setTimeout(r, wait);
      });
      this.wakeSleep = undefined;
    }
  }

  private flushFor(head: QueuedAction): Promise<void> {
    trace(TRACE_SYNCING, () => head);
    return this.held('queue.fsync', () => this.journal.flush()).then(() => trace(TRACE_SYNCED, () => head));
  }

  /** The clock is held while the disk works: a lockstep run must not jump ahead of an fsync it then waits for. */
  private held(reason: string, fsync: () => Promise<void>): Promise<void> {
    const release = this.o.clock.hold(reason);
    return fsync().finally(release);
  }
}
