// SerialSource: one switch box on a serial device as a SignalSource. Opens the device, feeds bytes to
// the pure SwitchBox, polls it at nextDeadline() on the injected clock, and reconnects with backoff
// when the device vanishes — a USB box that is unplugged and replugged comes back on its own.
import type { Clock, TimerHandle } from '../../../sim/core/index.ts';
import type { AlarmAction } from '../../signals/index.ts';
import type { SignalSource, SourceEvent, SourceStatus } from '../source.ts';
import type { ArmState } from './arm.ts';
import { Backoff, type BackoffOptions } from './backoff.ts';
import { openSerialLink, type SerialLink, type SerialOpener } from './serial-link.ts';
import { DEFAULT_BAUD_RATE, formatSerialSpec, type SerialSpec } from './serial-spec.ts';
import { SwitchBox, type SwitchBoxOutput, type SwitchBoxPlane } from './switchbox.ts';
import { traceBytes, traceSignal } from './trace.ts';

/** Raised while the device is absent (unplugged, not yet plugged in, or failing to open). */
export const ALARM_BOX_DISCONNECTED = 'box-disconnected';

export interface SerialSourceOptions {
  readonly path: string;
  readonly baudRate?: number;
  /** Box id for alarms, the arm key and signal ids; default the device's file name ("ttyUSB0"). */
  readonly box?: string;
  readonly planes: readonly SwitchBoxPlane[];
  readonly clock: Clock;
  readonly debounceMs?: number;
  readonly maxFrameLength?: number;
  readonly heartbeatTimeoutMs?: number;
  /** Shared by every source of the HAL; an unplugged box's key counts as SAFE. */
  readonly arm?: ArmState;
  readonly backoff?: BackoffOptions;
  /** Tests inject a fake line here; default: the serialport package. */
  readonly open?: SerialOpener;
  /** How often an open device is checked to still be there (see SerialLink.present); default 250 ms. */
  readonly presenceCheckMs?: number;
  /** Framing errors, undecodable frames, listener failures — for the HAL's log. */
  readonly log?: (line: string) => void;
}

export interface SerialSourceCounters {
  good: number;
  badChecksum: number;
  tooLong: number;
  malformed: number;
  garbageBytes: number;
  undecodable: number;
  bytes: number;
  /** Successful re-opens after a loss (the first open is not a reconnect). */
  reconnects: number;
  disconnects: number;
  openFailures: number;
}

export class SerialSource implements SignalSource {
  readonly name: string;
  readonly spec: SerialSpec;
  readonly box: string;
  private readonly core: SwitchBox;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly opener: SerialOpener;
  private readonly presenceCheckMs: number;
  private presenceTimer: TimerHandle | undefined;
  private readonly arm: ArmState | undefined;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<(event: SourceEvent) => void>();
  private link: SerialLink | undefined;
  private running = false;
  /** Bumped on every open attempt and stop, so callbacks of an older link are ignored. */
  private generation = 0;
  private everConnected = false;
  private disconnectedAlarm = false;
  private lastError: string | undefined;
  private pollTimer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  /** The open in flight, so stop() can wait until the device is really released. */
  private opening: Promise<void> | undefined;
  private lastMs: number;
  private readonly count = { bytes: 0, reconnects: 0, disconnects: 0, openFailures: 0 };

  constructor(options: SerialSourceOptions) {
    if (!options.path) throw new RangeError('SerialSource: path must not be empty');
    this.spec = { path: options.path, baudRate: options.baudRate ?? DEFAULT_BAUD_RATE };
    this.name = `serial:${formatSerialSpec(this.spec)}`;
    this.box = options.box ?? (options.path.split('/').pop() || options.path);
    this.clock = options.clock;
    this.lastMs = options.clock.now();
    this.core = new SwitchBox({
      box: this.box,
      planes: options.planes,
      startMs: this.lastMs,
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      ...(options.maxFrameLength === undefined ? {} : { maxFrameLength: options.maxFrameLength }),
      ...(options.heartbeatTimeoutMs === undefined ? {} : { heartbeatTimeoutMs: options.heartbeatTimeoutMs }),
      ...(options.arm === undefined ? {} : { arm: options.arm }),
    });
    this.backoff = new Backoff(options.backoff);
    this.opener = options.open ?? openSerialLink;
    this.presenceCheckMs = options.presenceCheckMs ?? 250;
    this.arm = options.arm;
    this.log = options.log ?? (() => {});
  }

  subscribe(listener: (event: SourceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.schedulePoll();
    await this.attempt();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    this.clock.clearTimeout(this.pollTimer);
    this.clock.clearTimeout(this.retryTimer);
    this.clock.clearTimeout(this.presenceTimer);
    this.pollTimer = this.retryTimer = this.presenceTimer = undefined;
    const link = this.link;
    this.link = undefined;
    await link?.close();
    await this.opening;
  }

  status(): SourceStatus {
    return {
      name: this.name,
      connected: this.link !== undefined,
      ...(this.lastError === undefined ? {} : { error: this.lastError }),
      counters: { ...this.counters() },
    };
  }

  counters(): SerialSourceCounters {
    return { ...this.core.counters(), ...this.count };
  }

  /** Monotonic clock time: a wall clock stepped back by NTP must not throw in the pure core. */
  private now(): number {
    this.lastMs = Math.max(this.lastMs, this.clock.now());
    return this.lastMs;
  }

  private attempt(): Promise<void> {
    const p = this.connect().finally(() => {
      if (this.opening === p) this.opening = undefined;
    });
    this.opening = p;
    return p;
  }

  private async connect(): Promise<void> {
    const gen = ++this.generation;
    let link: SerialLink;
    try {
      link = await this.opener(this.spec, {
        onData: (bytes) => {
          if (gen === this.generation) this.onBytes(bytes);
        },
        onLost: (error) => {
          if (gen === this.generation) this.onLost(error);
        },
      });
    } catch (e) {
      if (gen !== this.generation) return;
      this.count.openFailures++;
      this.lastError = e instanceof Error ? e.message : String(e);
      this.raiseDisconnected(this.lastError);
      this.scheduleRetry();
      return;
    }
    if (gen !== this.generation || !this.running) {
      await link.close();
      return;
    }
    this.link = link;
    this.lastError = undefined;
    this.backoff.reset();
    if (this.everConnected) this.count.reconnects++;
    this.everConnected = true;
    if (this.disconnectedAlarm) {
      this.disconnectedAlarm = false;
      this.emitAlarm('cleared', `box ${this.box} connected on ${this.spec.path}`);
    }
    this.schedulePresenceCheck(gen, link);
  }

  /** Polls SerialLink.present while this link is the current one: a vanished device is a lost link. */
  private schedulePresenceCheck(gen: number, link: SerialLink): void {
    if (!link.present) return;
    this.presenceTimer = this.clock.setTimeout(() => {
      this.presenceTimer = undefined;
      void link.present!().then(
        (present) => {
          if (gen !== this.generation || this.link !== link) return;
          if (present) this.schedulePresenceCheck(gen, link);
          else {
            void link.close();
            this.onLost(new Error(`${this.spec.path} is gone (device removed)`));
          }
        },
        () => gen === this.generation && this.link === link && this.schedulePresenceCheck(gen, link),
      );
    }, this.presenceCheckMs);
  }

  private onLost(error: Error): void {
    this.link = undefined;
    this.count.disconnects++;
    this.lastError = `${this.spec.path} lost: ${error.message}`;
    // A torn frame must not be completed by the first bytes after the replug. Debounced switch
    // states are kept: the box re-sends every switch on connect and only real changes become edges.
    this.core.disconnected();
    this.arm?.keyLost(this.box);
    this.raiseDisconnected(this.lastError);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.running) void this.attempt();
    }, this.backoff.next());
  }

  private raiseDisconnected(why: string): void {
    if (this.disconnectedAlarm) return;
    this.disconnectedAlarm = true;
    this.emitAlarm('raised', `box ${this.box}: ${why}`);
  }

  private emitAlarm(state: 'raised' | 'cleared', message: string): void {
    const alarm: AlarmAction = { type: 'alarm', alarm: ALARM_BOX_DISCONNECTED, state, subject: this.box, message, cause: `${this.box}@${this.now()}` };
    this.emit({ kind: 'alarm', alarm });
  }

  private onBytes(bytes: Uint8Array): void {
    traceBytes(this.box, bytes.length);
    this.count.bytes += bytes.length;
    this.deliver(this.core.push(bytes, this.now()));
    this.schedulePoll();
  }

  private schedulePoll(): void {
    if (!this.running) return;
    this.clock.clearTimeout(this.pollTimer);
    const deadline = this.core.nextDeadline();
    if (deadline === undefined) {
      this.pollTimer = undefined;
      return;
    }
    this.pollTimer = this.clock.setTimeout(() => {
      this.pollTimer = undefined;
      if (!this.running) return;
      this.deliver(this.core.poll(this.now()));
      this.schedulePoll();
    }, Math.max(0, deadline - this.now()));
  }

  /** Alarms first: a fault or a disagreement must be known before any signal of the same batch acts. */
  private deliver(out: SwitchBoxOutput): void {
    for (const e of out.errors) this.log(`${this.name}: ${e}`);
    for (const alarm of out.alarms) this.emit({ kind: 'alarm', alarm });
    for (const signal of out.signals) {
      traceSignal(this.box, signal);
      this.emit({ kind: 'signal', signal });
    }
  }

  private emit(event: SourceEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (e) {
        this.log(`${this.name}: a listener threw: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
