// HalOutbound: what the HAL tells the MQTT bus — retained state under kis/<vehicle>/state/ (published
// only when a value changes), every action outcome on kis/<vehicle>/events, every alarm on
// kis/<vehicle>/alerts. QoS 1. Publishing never blocks or fails the HAL: errors are counted and logged.
import type { Clock, TimerHandle } from '../../../sim/core/clock.ts';
import type { Action, AlarmAction, JsonValue } from '../../signals/index.ts';
import { ActiveAlarms, stateMessages, type HalSnapshot } from './hal-state.ts';
import type { MqttPublisher } from './publisher.ts';

/** One finished action, as the durable queue reports it. */
export interface ActionOutcome {
  readonly id: number;
  readonly action: Action;
  /** applied | refused | failed | dry-run */
  readonly status: string;
  readonly detail?: string;
}

export interface HalOutboundOptions {
  readonly publisher: MqttPublisher;
  /** The HAL's state now, alarms aside (HalOutbound keeps the active alarms itself). */
  readonly snapshot: () => Omit<HalSnapshot, 'alarms'>;
  readonly clock: Clock;
  /** How often state is re-read and changes published (default 250 ms). */
  readonly intervalMs?: number;
  readonly log?: (line: string) => void;
}

export interface HalOutboundCounters {
  [name: string]: number;
  state: number;
  events: number;
  alerts: number;
  failed: number;
}

export class HalOutbound {
  private readonly o: HalOutboundOptions;
  private readonly alarms = new ActiveAlarms();
  /** What the broker holds retained: path → JSON text, to publish only changes. */
  private readonly published = new Map<string, string>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly counts: HalOutboundCounters = { state: 0, events: 0, alerts: 0, failed: 0 };
  private timer: TimerHandle | undefined;
  private running = false;
  private failing = false;

  constructor(options: HalOutboundOptions) {
    this.o = options;
  }

  counters(): HalOutboundCounters {
    return { ...this.counts };
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.o.publisher.start();
    this.refresh();
    this.timer = this.o.clock.setInterval(() => this.refresh(), this.o.intervalMs ?? 250);
  }

  /** Publishes every state value that changed since the last call; clears the ones that went away. */
  refresh(): void {
    if (!this.running) return;
    const now = stateMessages({ ...this.o.snapshot(), alarms: this.alarms.list() });
    for (const [path, value] of now) {
      const text = JSON.stringify(value);
      if (this.published.get(path) === text) continue;
      this.published.set(path, text);
      this.track('state', this.o.publisher.publishState(path, value), path);
    }
    for (const path of [...this.published.keys()]) {
      if (now.has(path)) continue;
      this.published.delete(path); // a deleted node: its retained summary goes too
      this.track('state', this.o.publisher.clearState(path));
    }
  }

  /** kis/<vehicle>/events: the action, its outcome and the signal that caused it (`cause`). */
  action(outcome: ActionOutcome): void {
    if (!this.running) return;
    const record: { [k: string]: JsonValue } = {
      t: this.o.clock.now(),
      kind: 'action',
      id: outcome.id,
      type: outcome.action.type,
      status: outcome.status,
      ...(outcome.detail === undefined ? {} : { detail: outcome.detail }),
      ...(outcome.action.cause === undefined ? {} : { cause: outcome.action.cause }),
      action: outcome.action as unknown as JsonValue,
    };
    this.track('events', this.o.publisher.publishEvent(record));
  }

  /** kis/<vehicle>/alerts, and the retained list of active alarms in state/alarms. */
  alarm(a: AlarmAction): void {
    if (!this.running) return;
    this.track('alerts', this.o.publisher.publishAlert(a));
    if (this.alarms.apply(a)) this.refresh();
  }

  /** Resolves once every publish so far is acknowledged (or failed). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  /** Publishes state/online=false (retained) and waits for what is in flight. Idempotent. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.refresh();
    this.running = false;
    this.o.clock.clearInterval(this.timer);
    this.timer = undefined;
    this.track('state', this.o.publisher.publishState('online', false));
    await this.settled();
  }

  /** `path`: a state that failed to publish is forgotten, so the next refresh sends it again. */
  private track(kind: 'state' | 'events' | 'alerts', p: Promise<void>, path?: string): void {
    const tracked = p.then(
      () => {
        this.counts[kind]++;
        if (this.failing) this.o.log?.('mqtt outbound: publishing again');
        this.failing = false;
      },
      (err: Error) => {
        this.counts.failed++;
        if (path !== undefined) this.published.delete(path);
        // One line per outage, not one per message: a broker away for a minute is one fact.
        if (!this.failing) this.o.log?.(`mqtt outbound: publish failed (${err.message}); state is re-sent on the next refresh`);
        this.failing = true;
      },
    ).finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }
}
