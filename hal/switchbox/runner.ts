// The stand-in box's I/O: opens the serial line (reopening it with backoff when the pty goes away),
// says hello with the full state on every open, plays the schedule on the injected clock, and applies
// key presses. Frames due while the line is down are lost, as on a cut cable; the state is kept.
import type { Clock, TimerHandle } from '../../sim/core/index.ts';
import {
  Backoff,
  openSerialLink,
  type BackoffOptions,
  type SerialLink,
  type SerialMessage,
  type SerialOpener,
  type SerialSpec,
} from '../sources/serial/index.ts';
import { fullStateMessages } from './box-state.ts';
import { encodeAll, type BoxModel } from './box-model.ts';
import { commandMessages, keyCommand } from './keys.ts';
import type { ScheduleItem } from './schedule.ts';

/** How long stop() waits for frames still being written. */
const STOP_FLUSH_MS = 250;

export interface SwitchboxRunnerOptions {
  readonly spec: SerialSpec;
  readonly clock: Clock;
  readonly model: BoxModel;
  readonly schedule: Iterator<ScheduleItem>;
  readonly open?: SerialOpener;
  readonly log?: (line: string) => void;
  /** How long a bounce (Shift+digit) holds before the switches go back; default 5 ms. */
  readonly bounceMs?: number;
  readonly backoff?: BackoffOptions;
}

export interface SwitchboxCounters {
  framesWritten: number;
  /** Frames due while the line was down. */
  framesDropped: number;
  opens: number;
}

export class SwitchboxRunner {
  private readonly o: SwitchboxRunnerOptions;
  private readonly backoff: Backoff;
  private readonly log: (line: string) => void;
  private link: SerialLink | undefined;
  private running = false;
  private gen = 0;
  private t0 = 0;
  private timer: TimerHandle | undefined;
  private retry: TimerHandle | undefined;
  private readonly others = new Set<TimerHandle>();
  private readonly inFlight = new Set<Promise<void>>();
  private resolveDone: () => void = () => {};
  private scriptFinished = false;
  readonly counters: SwitchboxCounters = { framesWritten: 0, framesDropped: 0, opens: 0 };
  /** Resolves once the last script step has been written (or dropped). */
  readonly scriptDone: Promise<void>;

  constructor(options: SwitchboxRunnerOptions) {
    this.o = options;
    this.backoff = new Backoff(options.backoff);
    this.log = options.log ?? (() => {});
    this.scriptDone = new Promise((r) => (this.resolveDone = r));
  }

  get connected(): boolean {
    return this.link !== undefined;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.t0 = this.o.clock.now();
    await this.connect();
    this.next();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.gen++;
    for (const t of [this.timer, this.retry, ...this.others]) this.o.clock.clearTimeout(t);
    this.others.clear();
    // Let the last frames reach the line before the device closes (a script's final SEP, say).
    // Bounded: a write to a pty nobody reads can wait forever.
    await Promise.race([Promise.allSettled([...this.inFlight]), this.o.clock.sleep(STOP_FLUSH_MS)]);
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  /** A key from the TTY. Returns 'quit' when the key asks to stop (the caller stops). */
  press(key: string): 'quit' | undefined {
    const cmd = keyCommand(key, this.o.model.layout);
    if (!cmd) return undefined;
    if (cmd.kind === 'quit') return 'quit';
    if (cmd.kind === 'heartbeat') {
      this.o.model.setHeartbeats(!this.o.model.heartbeats);
      this.log(`heartbeats ${this.o.model.heartbeats ? 'resumed' : 'stopped'}`);
      return undefined;
    }
    if (cmd.kind === 'resend') {
      this.send(fullStateMessages(this.o.model.state), 'full state');
      return undefined;
    }
    const { now, bounceBack } = commandMessages(cmd, this.o.model.state, this.o.model.layout);
    this.send(this.o.model.apply(now), describe(now));
    if (bounceBack.length) {
      const t = this.o.clock.setTimeout(() => {
        this.others.delete(t);
        this.send(this.o.model.apply(bounceBack), `${describe(bounceBack)} (bounce back)`);
      }, this.o.bounceMs ?? 5);
      this.others.add(t);
    }
    return undefined;
  }

  private next(): void {
    if (!this.running) return;
    const item = this.o.schedule.next().value as ScheduleItem;
    const wait = Math.max(0, this.t0 + item.wallMs - this.o.clock.now());
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.running) return;
      const frames = this.o.model.frames(item);
      for (const n of item.notes) this.log(n);
      this.send(frames);
      if (item.scriptDone && !this.scriptFinished) {
        this.scriptFinished = true;
        this.resolveDone();
      }
      this.next();
    }, wait);
  }

  private send(messages: readonly SerialMessage[], what?: string): void {
    if (what) this.log(what);
    if (messages.length === 0) return;
    const link = this.link;
    if (!link) {
      this.counters.framesDropped += messages.length;
      return;
    }
    this.counters.framesWritten += messages.length;
    const w = link.write(encodeAll(messages)).catch(() => {
      // The loss itself arrives through onLost; a failed write needs nothing more.
    });
    this.inFlight.add(w);
    void w.finally(() => this.inFlight.delete(w));
  }

  private async connect(): Promise<void> {
    const gen = ++this.gen;
    try {
      const link = await (this.o.open ?? openSerialLink)(this.o.spec, {
        onData: () => {}, // the box does not listen (yet): the protocol is one-way
        onLost: (e) => {
          if (gen !== this.gen) return;
          this.link = undefined;
          this.log(`line lost: ${e.message}; reopening`);
          this.scheduleRetry();
        },
      });
      if (gen !== this.gen || !this.running) {
        await link.close();
        return;
      }
      this.link = link;
      this.counters.opens++;
      this.backoff.reset();
      this.log(`line ${this.o.spec.path} open`);
      this.send(this.o.model.hello());
    } catch (e) {
      if (gen !== this.gen) return;
      if (this.backoff.attempts === 0) this.log(`${e instanceof Error ? e.message : String(e)}`);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    this.o.clock.clearTimeout(this.retry);
    this.retry = this.o.clock.setTimeout(() => {
      this.retry = undefined;
      if (this.running) void this.connect();
    }, this.backoff.next());
  }
}

function describe(messages: readonly SerialMessage[]): string {
  return messages
    .map((m) => {
      switch (m.type) {
        case 'SEP':
          return `${m.switchId} ${m.separated ? 'separated' : 'attached'}`;
        case 'PWR':
          return `${m.bus} ${(m.millivolts / 1000).toFixed(3)} V`;
        case 'LNK':
          return `${m.link} ${m.up ? 'up' : 'down'}`;
        case 'ARM':
          return m.armed ? 'ARM' : 'SAFE';
        case 'HB':
          return `HB ${m.seq}`;
      }
    })
    .join(', ');
}
