// HalOutbound over a recording transport and a ManualClock: what goes out, when, and what happens on failure.
import { describe, expect, it } from 'vitest';
import type { MqttTransport, PublishOptions, TransportListener } from '../../../../hal/mqtt/index.ts';
import type { HalSnapshot } from '../../../../hal/sources/mqtt/index.ts';
import { HalOutbound, MqttPublisher } from '../../../../hal/sources/mqtt/index.ts';
import { ManualClock } from '../../../../sim/core/index.ts';

class RecordingTransport implements MqttTransport {
  readonly name = 'recording';
  readonly connected = true;
  readonly lastError = undefined;
  readonly sent: Array<{ topic: string; payload: string; retain: boolean; qos: number }> = [];
  failNext = 0;
  listen(_l: TransportListener): () => void {
    return () => undefined;
  }
  async open(): Promise<void> {}
  async subscribe(): Promise<number> {
    return 1;
  }
  async unsubscribe(): Promise<void> {}
  async publish(topic: string, payload: string | Uint8Array, o: PublishOptions): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('broker away');
    }
    this.sent.push({ topic, payload: String(payload), retain: o.retain ?? false, qos: o.qos });
  }
  async close(): Promise<void> {}
}

function rig() {
  const clock = new ManualClock(1_000);
  const transport = new RecordingTransport();
  const log: string[] = [];
  let snap: Omit<HalSnapshot, 'alarms'> = { armed: false, dryRun: false, queueDepth: 0, sources: [], nodes: [{ name: 'n1', labels: {}, annotations: {}, ready: 'True' }] };
  const out = new HalOutbound({ publisher: new MqttPublisher({ vehicle: 'v', transport }), snapshot: () => snap, clock, log: (l) => log.push(l) });
  const topics = () => transport.sent.map((m) => m.topic.replace('kis/v/', ''));
  return { clock, transport, log, out, topics, set: (s: Partial<typeof snap>) => (snap = { ...snap, ...s }) };
}

describe('HalOutbound', () => {
  it('publishes the whole retained state once at start, QoS 1', async () => {
    const r = rig();
    await r.out.start();
    await r.out.settled();
    expect(r.topics()).toEqual(['state/online', 'state/arm', 'state/queue', 'state/sources', 'state/alarms', 'state/nodes/n1']);
    expect(r.transport.sent.every((m) => m.retain && m.qos === 1)).toBe(true);
  });

  it('then only what changed, on the clock; a deleted node is cleared with an empty retained payload', async () => {
    const r = rig();
    await r.out.start();
    await r.out.settled();
    r.transport.sent.length = 0;
    r.clock.tick(250);
    await r.out.settled();
    expect(r.topics()).toEqual([]);
    r.set({ queueDepth: 3, nodes: [] });
    r.clock.tick(250);
    await r.out.settled();
    expect(r.transport.sent).toEqual([
      { topic: 'kis/v/state/queue', payload: '{"depth":3}', retain: true, qos: 1 },
      { topic: 'kis/v/state/nodes/n1', payload: '', retain: true, qos: 1 },
    ]);
  });

  it('events carry the outcome and the cause; alerts go out at once and update state/alarms', async () => {
    const r = rig();
    await r.out.start();
    await r.out.settled();
    r.transport.sent.length = 0;
    r.out.action({ id: 7, action: { type: 'power-off', target: { by: 'power-bus', name: 'b' }, cause: 'sig-1' }, status: 'refused', detail: 'SAFE' });
    r.out.alarm({ type: 'alarm', alarm: 'refused-safe', state: 'raised', subject: 'power-off', message: 'refused while SAFE' });
    await r.out.settled();
    expect(r.topics()).toEqual(['events', 'alerts', 'state/alarms']);
    expect(JSON.parse(r.transport.sent[0]!.payload)).toEqual({
      t: 1_000, kind: 'action', id: 7, type: 'power-off', status: 'refused', detail: 'SAFE', cause: 'sig-1',
      action: { type: 'power-off', target: { by: 'power-bus', name: 'b' }, cause: 'sig-1' },
    });
    expect(r.transport.sent[0]!.retain).toBe(false);
    expect(JSON.parse(r.transport.sent[2]!.payload)).toEqual([{ alarm: 'refused-safe', subject: 'power-off', message: 'refused while SAFE' }]);
  });

  it('a failed state publish is logged once and sent again on the next refresh', async () => {
    const r = rig();
    await r.out.start();
    await r.out.settled();
    r.transport.sent.length = 0;
    r.transport.failNext = 1;
    r.set({ armed: true });
    r.clock.tick(250);
    await r.out.settled();
    expect(r.topics()).toEqual([]);
    expect(r.out.counters().failed).toBe(1);
    expect(r.log).toEqual([expect.stringMatching(/publish failed \(broker away\)/)]);
    r.clock.tick(250);
    await r.out.settled();
    expect(r.topics()).toEqual(['state/arm']);
    expect(r.log[1]).toMatch(/publishing again/);
  });

  it('stop() says offline (retained) and publishes nothing after', async () => {
    const r = rig();
    await r.out.start();
    await r.out.stop();
    await r.out.stop();
    expect(r.transport.sent.at(-1)).toEqual({ topic: 'kis/v/state/online', payload: 'false', retain: true, qos: 1 });
    const n = r.transport.sent.length;
    r.out.action({ id: 1, action: { type: 'cordon-stage', stage: 's' }, status: 'applied' });
    r.clock.tick(1000);
    await r.out.settled();
    expect(r.transport.sent.length).toBe(n);
  });
});
