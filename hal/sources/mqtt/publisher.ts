// MqttPublisher: the HAL's outbound side — cluster state (retained, so a viewer that connects later
// sees the current state at once), events and alerts on kis/<vehicle>/…, QoS 1.
import type { AlarmAction, JsonValue } from '../../signals/index.ts';
import { alertsTopic, eventsTopic, stateTopic, type MqttTransport } from '../../mqtt/index.ts';

export interface MqttPublisherOptions {
  readonly vehicle: string;
  readonly transport: MqttTransport;
  /** Close the transport on close() (default false: the publisher usually shares the source's). */
  readonly ownsTransport?: boolean;
}

export interface MqttPublisherCounters {
  published: number;
  failed: number;
}

export class MqttPublisher {
  private readonly options: MqttPublisherOptions;
  private readonly counts: MqttPublisherCounters = { published: 0, failed: 0 };

  constructor(options: MqttPublisherOptions) {
    this.options = options;
  }

  counters(): MqttPublisherCounters {
    return { ...this.counts };
  }

  /** Opens the transport if nobody has yet (idempotent). */
  start(): Promise<void> {
    return this.options.transport.open();
  }

  /** kis/<vehicle>/state/<path>, retained. `path` may have several levels ("nodes/n1"). */
  publishState(path: string, value: JsonValue): Promise<void> {
    return this.send(stateTopic(this.options.vehicle, path), JSON.stringify(value), true);
  }

  /** Removes a retained state (MQTT 3.1.1 §3.3.1.3: a retained zero-byte payload clears it). */
  clearState(path: string): Promise<void> {
    return this.send(stateTopic(this.options.vehicle, path), '', true);
  }

  /** kis/<vehicle>/events: one journal-like record (a signal, an action and its outcome, …). */
  publishEvent(record: JsonValue): Promise<void> {
    return this.send(eventsTopic(this.options.vehicle), JSON.stringify(record), false);
  }

  /** kis/<vehicle>/alerts: an operator-facing alarm. */
  publishAlert(alarm: AlarmAction): Promise<void> {
    return this.send(alertsTopic(this.options.vehicle), JSON.stringify(alarm), false);
  }

  async close(): Promise<void> {
    if (this.options.ownsTransport ?? false) await this.options.transport.close();
  }

  private async send(topic: string, payload: string, retain: boolean): Promise<void> {
    try {
      await this.options.transport.publish(topic, payload, { qos: 1, retain });
      this.counts.published++;
    } catch (err) {
      this.counts.failed++;
      throw err;
    }
  }
}
