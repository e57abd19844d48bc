import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { EmbeddedBroker, mqttClientTransport } from '../../../hal/mqtt/index.ts';
import { MqttPublisher } from '../../../hal/sources/mqtt/index.ts';
import { connectClient, halSource, halTransport, startBroker, USERS, VEHICLE } from './helpers.ts';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(opts: { ws?: boolean; local?: boolean } = {}) {
  const broker = await startBroker(opts.ws ? { wsPort: 0 } : {});
  cleanup.push(() => broker.stop());
  const transport = opts.local ? broker.localTransport() : halTransport(broker.address.url);
  const { source, rec } = halSource(transport);
  await source.start();
  cleanup.push(() => source.stop());
  await until(() => source.status().connected);
  return { broker, source, rec };
}

async function until(pred: () => boolean): Promise<void> {
  // Polls on the event loop; the test timeout bounds it, nothing asserts on elapsed time.
  while (!pred()) await new Promise((r) => setImmediate(r));
}

async function device(url: string, name = 'psu1'): Promise<MqttClient> {
  const c = await connectClient(url, name, `${name}-pw`);
  cleanup.push(() => c.endAsync(true));
  return c;
}

describe('EmbeddedBroker + MqttSource over TCP', () => {
  it.each([['a TCP HAL client', false], ['the in-process transport', true]])('a device publishing over TCP gives a signal through %s', async (_n, local) => {
    const { broker, source, rec } = await setup({ local });
    const dev = await device(broker.address.url);
    await dev.publishAsync('kis/f9/signal/power/psu1', '{"millivolts":27900}', { qos: 1 });
    await rec.until((r) => r.signals.length === 1);
    expect(rec.signals[0]).toMatchObject({ type: 'power', bus: 'psu1', millivolts: 27900, source: 'mqtt' });
    expect(source.status().counters).toMatchObject({ messages: 1, signals: 1, badPayloads: 0 });
    expect(broker.counters()).toMatchObject({ publishes: 1, publishRefused: 0 });
  });

  // The broker corks a connection from a read until the next check phase (coalesceReplies): a burst's
  // PUBACKs must all still come, each for its own message, and every message reach the HAL.
  it('a pipelined burst of QoS 1 messages is acknowledged message for message', async () => {
    const { broker, rec } = await setup({ local: true });
    const dev = await device(broker.address.url);
    const burst = Array.from({ length: 300 }, (_, i) => dev.publishAsync('kis/f9/signal/power/psu1', `{"millivolts":${20_000 + i}}`, { qos: 1 }));
    const acks = await Promise.all(burst);
    expect(new Set(acks.map((p) => p?.messageId)).size).toBe(300);
    await rec.until((r) => r.signals.length === 300);
    expect(rec.signals.map((sig) => (sig as { millivolts: number }).millivolts)).toEqual(Array.from({ length: 300 }, (_, i) => 20_000 + i));
  });

  it('binds 127.0.0.1 by default', async () => {
    const broker = new EmbeddedBroker({ vehicle: VEHICLE, users: USERS, port: 0 });
    cleanup.push(() => broker.stop());
    expect((await broker.start()).host).toBe('127.0.0.1');
  });

  it('a device over WebSocket gives a signal', async () => {
    const { broker, rec } = await setup({ ws: true });
    const dev = await device(broker.address.wsUrl!);
    await dev.publishAsync('kis/f9/signal/link/psu1', '{"state":"down"}', { qos: 1 });
    await rec.until((r) => r.signals.length === 1);
    expect(rec.signals[0]).toMatchObject({ type: 'link', link: 'psu1', state: 'down' });
  });

  it.each([
    ["another device's signal topic", 'kis/f9/signal/power/psu2', false],
    ['a state topic', 'kis/f9/state/nodes', false],
    ['the alerts topic', 'kis/f9/alerts', false],
    ['its own topic, retained', 'kis/f9/signal/power/psu1', true],
  ])('a device publishing %s is disconnected and nothing is delivered', async (_what, topic, retain) => {
    const { broker, rec } = await setup();
    const viewer = await connectClient(broker.address.url, 'ops', 'ops-pw');
    cleanup.push(() => viewer.endAsync(true));
    const seenByViewer: string[] = [];
    viewer.on('message', (t) => seenByViewer.push(t));
    await viewer.subscribeAsync(['kis/f9/state/#', 'kis/f9/alerts'], { qos: 1 });

    const bad = await device(broker.address.url, 'psu1');
    const closed = new Promise<void>((r) => bad.once('close', () => r()));
    bad.publish(topic, '{"millivolts":1}', { qos: 1, retain }, () => undefined);
    await closed; // MQTT 3.1.1 has no negative PUBACK: the refusal is the broker closing the connection
    expect(broker.counters().publishRefused).toBe(1);

    // A barrier: a good message from another device arrives after anything the bad one could have sent.
    const good = await device(broker.address.url, 'psu2');
    await good.publishAsync('kis/f9/signal/power/psu2', '{"millivolts":2}', { qos: 1 });
    await rec.until((r) => r.signals.length >= 1);
    expect(rec.signals.map((s) => s.type === 'power' && s.bus)).toEqual(['psu2']);
    expect(seenByViewer).toEqual([]);
  });

  it('a wrong password or an unknown user is refused with CONNACK 4', async () => {
    const { broker } = await setup();
    for (const [user, pw] of [['psu1', 'nope'], ['ghost', 'psu1-pw']] as const) {
      const err = await connectClient(broker.address.url, user, pw).then(() => undefined, (e: Error & { code?: number }) => e);
      expect(err?.code).toBe(4);
    }
    expect(broker.counters().authFailures).toBe(2);
  });

  it("a client id that is not the user's is refused (no session takeover)", async () => {
    const { broker } = await setup();
    const err = await connectClient(broker.address.url, 'psu1', 'psu1-pw', { clientId: 'hal-1' }).then(() => undefined, (e: Error & { code?: number }) => e);
    expect(err?.code).toBe(2);
    expect(broker.counters().clientIdRefused).toBe(1);
  });

  it('viewers and devices may not subscribe to signals; everyone may read state, events, alerts', async () => {
    const { broker } = await setup();
    const viewer = await connectClient(broker.address.url, 'ops', 'ops-pw');
    cleanup.push(() => viewer.endAsync(true));
    const granted = await viewer.subscribeAsync(['kis/f9/state/#', 'kis/f9/events', 'kis/f9/alerts'], { qos: 1 });
    expect(granted.map((g) => g.qos)).toEqual([1, 1, 1]);
    for (const f of ['kis/f9/signal/#', 'kis/f9/#']) {
      const err = await viewer.subscribeAsync(f, { qos: 1 }).then(() => undefined, (e: { packet?: { granted: number[] } }) => e);
      expect(err?.packet?.granted).toEqual([128]); // SUBACK 0x80
    }
    expect(broker.counters().subscribeRefused).toBe(2);
  });

  it('a source with viewer credentials raises a subscribe-refused alarm and is not connected', async () => {
    const { broker } = await setup();
    const { source, rec } = halSource(mqttClientTransport({ url: broker.address.url, username: 'ops', password: 'ops-pw' }));
    cleanup.push(() => source.stop());
    await source.start();
    await rec.until((r) => r.alarms.length === 1);
    expect(rec.alarms[0]).toMatchObject({ alarm: 'mqtt-subscribe-refused', state: 'raised' });
    expect(source.status()).toMatchObject({ connected: false, error: expect.stringMatching(/refused the subscription to kis\/f9\/signal\/#/) });
  });

  it('the publisher sends retained state a late viewer still gets, and events and alerts', async () => {
    const { broker } = await setup();
    const halOut = halTransport(broker.address.url);
    const pub = new MqttPublisher({ vehicle: VEHICLE, transport: halOut, ownsTransport: true });
    cleanup.push(() => pub.close());
    await pub.start();
    await pub.publishState('nodes/n1', { ready: true });
    const viewer = await connectClient(broker.address.url, 'ops', 'ops-pw');
    cleanup.push(() => viewer.endAsync(true));
    const got: Array<[string, string, boolean]> = [];
    viewer.on('message', (t, p, packet) => got.push([t, p.toString(), packet.retain]));
    await viewer.subscribeAsync(['kis/f9/state/#', 'kis/f9/events', 'kis/f9/alerts'], { qos: 1 });
    await pub.publishEvent({ kind: 'action', what: 'detach-stage' });
    await pub.publishAlert({ type: 'alarm', alarm: 'box-fault', state: 'raised', subject: 'box0', message: 'silent' });
    await until(() => got.length === 3);
    expect(got).toEqual([
      ['kis/f9/state/nodes/n1', '{"ready":true}', true],
      ['kis/f9/events', '{"kind":"action","what":"detach-stage"}', false],
      ['kis/f9/alerts', expect.stringContaining('"box-fault"'), false],
    ]);
    expect(pub.counters()).toEqual({ published: 3, failed: 0 });
  });

  it('bad payloads are counted and alarmed (once per topic per second), never signals', async () => {
    const { broker, source, rec } = await setup();
    const dev = await device(broker.address.url);
    for (const p of ['not json', '{"millivolts":"x"}', '{"bus":"psu2","millivolts":1}']) {
      await dev.publishAsync('kis/f9/signal/power/psu1', p, { qos: 1 });
    }
    await dev.publishAsync('kis/f9/signal/warp/psu1', '{}', { qos: 1 });
    await dev.publishAsync('kis/f9/signal/power/psu1', '{"millivolts":5}', { qos: 1 });
    await rec.until((r) => r.signals.length === 1);
    expect(source.status().counters).toMatchObject({ messages: 5, badPayloads: 4, signals: 1 });
    expect(rec.alarms.map((a) => [a.alarm, a.subject])).toEqual([
      ['bad-payload', 'kis/f9/signal/power/psu1'],
      ['bad-payload', 'kis/f9/signal/warp/psu1'],
    ]);
  });
});
