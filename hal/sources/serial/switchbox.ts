// One switch box, pure, end to end: bytes in → frames → debounce → voting → Signals and alarms out.
// The serialport adapter only feeds it bytes and calls poll() at nextDeadline(); everything that
// decides anything is here, so it can be fuzzed without a device.
import type { AlarmAction, Signal } from '../../signals/index.ts';
import type { ArmState } from './arm.ts';
import { DebounceBank } from './debounce.ts';
import { FrameParser, type FrameCounters, type FrameError } from './frame.ts';
import { HeartbeatMonitor } from './heartbeat.ts';
import { decodeFrame } from './message.ts';
import { VotingBank, type BankEvent, type PlaneConfig } from './voting.ts';

export interface SwitchBoxPlane extends PlaneConfig {
  /** The stage that leaves when this plane separates, copied into the separation signal. */
  readonly stage?: string;
}

export interface SwitchBoxOptions {
  /** Device name: the heartbeat/arm box id and the prefix of signal ids ("box0:17"). */
  readonly box: string;
  readonly planes: readonly SwitchBoxPlane[];
  readonly startMs: number;
  readonly debounceMs?: number;
  readonly maxFrameLength?: number;
  readonly heartbeatTimeoutMs?: number;
  /** Shared by every box of the HAL; ARM frames and box faults update it. */
  readonly arm?: ArmState;
}

export interface SwitchBoxOutput {
  readonly signals: Signal[];
  readonly alarms: AlarmAction[];
  /** Framing errors and undecodable frames, for the log; counters() has the totals. */
  readonly errors: string[];
}

export interface SwitchBoxCounters extends FrameCounters {
  /** Checksum-valid frames that failed typed decode (unknown type, bad field). */
  undecodable: number;
}

export class SwitchBox {
  readonly box: string;
  private readonly parser: FrameParser;
  private readonly debounce: DebounceBank<boolean>;
  private readonly voting: VotingBank;
  private readonly heartbeat: HeartbeatMonitor;
  private readonly stages: ReadonlyMap<string, string | undefined>;
  private readonly arm: ArmState | undefined;
  private undecodable = 0;
  private seq = 0;
  private out: { signals: Signal[]; alarms: AlarmAction[]; errors: string[] } = { signals: [], alarms: [], errors: [] };

  constructor(options: SwitchBoxOptions) {
    this.box = options.box;
    this.parser = new FrameParser(options.maxFrameLength === undefined ? {} : { maxFrameLength: options.maxFrameLength });
    this.debounce = new DebounceBank<boolean>({ ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }), initial: null });
    this.voting = new VotingBank(options.planes);
    this.heartbeat = new HeartbeatMonitor({
      box: options.box,
      startMs: options.startMs,
      ...(options.heartbeatTimeoutMs === undefined ? {} : { timeoutMs: options.heartbeatTimeoutMs }),
    });
    this.stages = new Map(options.planes.map((p) => [p.plane, p.stage]));
    this.arm = options.arm;
  }

  counters(): SwitchBoxCounters {
    return { ...this.parser.counters, undecodable: this.undecodable };
  }

  /** The earliest time poll() has work to do. */
  nextDeadline(): number | undefined {
    const ts = [this.debounce.nextDeadline(), this.voting.nextDeadline(), this.heartbeat.nextDeadline()];
    const defined = ts.filter((t): t is number => t !== undefined);
    return defined.length ? Math.min(...defined) : undefined;
  }

  /** The device vanished: drop a partial frame. Supervision keeps running and will fault the box. */
  disconnected(): void {
    this.parser.reset();
  }

  /** Bytes read from the device at `atMs`. */
  push(bytes: Uint8Array, atMs: number): SwitchBoxOutput {
    this.advance(atMs);
    const { frames, errors } = this.parser.push(bytes);
    for (const e of errors) this.out.errors.push(describeError(e));
    for (const f of frames) {
      const r = decodeFrame(f);
      if (!r.ok) {
        this.undecodable++;
        this.out.errors.push(`${f.raw}: ${r.error}`);
        continue;
      }
      const m = r.message;
      switch (m.type) {
        case 'SEP':
          this.debounce.update(m.switchId, m.separated, atMs);
          break;
        case 'PWR':
          this.signal({ type: 'power', bus: m.bus, millivolts: m.millivolts }, atMs);
          break;
        case 'LNK':
          this.signal({ type: 'link', link: m.link, state: m.up ? 'up' : 'down' }, atMs);
          break;
        case 'HB':
          this.heartbeat.beat(m.seq, atMs);
          break;
        case 'ARM':
          this.arm?.key(this.box, m.armed);
          this.signal({ type: 'arm', state: m.armed ? 'armed' : 'safe', box: this.box }, atMs);
          break;
      }
    }
    return this.poll(atMs);
  }

  /** Everything due up to `atMs`: accepted switch edges, votes, supervision alarms. */
  poll(atMs: number): SwitchBoxOutput {
    this.advance(atMs);
    const out = this.out;
    this.out = { signals: [], alarms: [], errors: [] };
    return out;
  }

  private advance(atMs: number): void {
    // Heartbeat first: a box that was already silent must fault before later edges are trusted.
    for (const e of this.heartbeat.poll(atMs)) {
      if (e.kind === 'box-fault') {
        this.arm?.keyLost(this.box);
        this.alarm('box-fault', 'raised', this.box, `box ${this.box} silent since ${e.lastSeenMs ?? 'start'}`, e.atMs);
      } else if (e.kind === 'box-recovered') {
        this.alarm('box-fault', 'cleared', this.box, `box ${this.box} back after ${e.silentMs} ms`, e.atMs);
      } else if (e.kind === 'box-restarted') {
        this.out.errors.push(`box ${this.box} restarted (seq ${e.previousSeq} -> ${e.seq})`);
      }
    }
    for (const edge of this.debounce.poll(atMs)) this.voting.update(edge.key, edge.state, edge.atMs);
    for (const v of this.voting.poll(atMs)) this.vote(v);
  }

  private vote(v: BankEvent): void {
    if (v.kind === 'unknown-switch') {
      this.alarm('unknown-switch', 'raised', v.switchId, `switch ${v.switchId} on box ${this.box} is not in the wiring`, v.atMs);
    } else if (v.kind === 'confirmed') {
      const stage = this.stages.get(v.plane);
      this.signal({ type: 'separation', plane: v.plane, ...(stage === undefined ? {} : { stage }), state: v.state }, v.atMs);
    } else {
      const state = v.kind === 'disagreement' ? 'raised' : 'cleared';
      const msg = v.kind === 'disagreement'
        ? `plane ${v.plane}: separated ${v.separated.join(',')} vs attached ${v.attached.join(',')}`
        : `plane ${v.plane}: switches agree (${v.state})`;
      this.alarm('switch-disagreement', state, v.plane, msg, v.atMs);
    }
  }

  private signal(body: DistributiveOmit<Signal, 'source' | 't' | 'id'>, atMs: number): void {
    this.out.signals.push({ ...body, source: 'serial', t: atMs, id: `${this.box}:${++this.seq}` } as Signal);
  }

  private alarm(alarm: string, state: 'raised' | 'cleared', subject: string, message: string, atMs: number): void {
    this.out.alarms.push({ type: 'alarm', alarm, state, subject, message, cause: `${this.box}@${atMs}` });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function describeError(e: FrameError): string {
  return `${e.kind}: ${e.reason}: ${e.text}`;
}
