// QoS 1 PUBACK after durability: a device's message is acknowledged only once what the HAL's listener
// made of it is on disk (the listener's promise settled), in the order the messages came; a refusal
// drops the connection without a PUBACK. Through the in-process transport (the broker's
// authorizePublish hands the message over before aedes acknowledges) and a TCP HAL client (mqtt.js
// handleMessage), plus the ordering rule itself.
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { AckOrder } from '../../../hal/mqtt/transport.ts';
import type { SourceEvent } from '../../../hal/sources/source.ts';
import { connectClient, halSource, halTransport, startBroker } from './helpers.ts';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A promise the test settles, standing in for the queue's group commit. */
function gate(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const turn = (n = 20) => (async () => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); })();

async function setup(local: boolean, gates: Map<number, ReturnType<typeof gate>>) {
  const broker = await startBroker();
  cleanup.push(() => broker.stop());
  const { source, rec } = halSource(local ? broker.localTransport() : halTransport(broker.address.url));
  // Messages whose millivolts are in `gates` are durable only when the test says so.
  source.subscribe((e: SourceEvent) => (e.kind === 'signal' && e.signal.type === 'power' ? gates.get(e.signal.millivolts)?.promise : undefined));
  await source.start();
  cleanup.push(() => source.stop());
  while (!source.status().connected) await new Promise((r) => setImmediate(r));
  const dev = await connectClient(broker.address.url, 'psu1', 'psu1-pw');
  cleanup.push(() => dev.endAsync(true));
  return { broker, rec, dev };
}

const publish = (dev: MqttClient, mv: number) => dev.publishAsync('kis/f9/signal/power/psu1', `{"millivolts":${mv}}`, { qos: 1 });

describe('PUBACK after the HAL made the message durable (in-process transport)', () => {
  it('holds the PUBACK until the gate settles; a later message needing nothing waits behind it; each signal once', async () => {
    const g = gate();
    const { rec, dev } = await setup(true, new Map([[27_000, g]]));
    const acked: number[] = [];
    const first = publish(dev, 27_000).then(() => acked.push(27_000));
    const second = publish(dev, 27_100).then(() => acked.push(27_100));
    await rec.until((r) => r.signals.length === 2);
    await turn();
    expect(acked).toEqual([]); // the HAL has both signals, the device has no PUBACK yet
    g.resolve();
    await Promise.all([first, second]);
    expect(acked).toEqual([27_000, 27_100]);
    await turn();
    expect(rec.signals.map((s) => (s as { millivolts: number }).millivolts)).toEqual([27_000, 27_100]); // not delivered twice
  });

  it('a refused message gets no PUBACK: the broker drops the connection', async () => {
    const g = gate();
    const { broker, dev } = await setup(true, new Map([[26_000, g]]));
    const closed = new Promise<void>((r) => dev.once('close', () => r()));
    let acked = false;
    void publish(dev, 26_000).then(() => (acked = true), () => undefined);
    await turn();
    g.reject(new Error('EIO: the journal could not be fsynced'));
    await closed;
    expect([acked, broker.counters().notDurable]).toEqual([false, 1]);
  });
});

describe('PUBACK after the HAL made the message durable (TCP HAL client)', () => {
  it('mqtt.js holds its PUBACK, and the next delivery, until the gate settles', async () => {
    const g = gate();
    const { rec, dev } = await setup(false, new Map([[27_000, g]]));
    await publish(dev, 27_000);
    await publish(dev, 27_100); // the broker acknowledges the device; its delivery to the HAL waits
    await rec.until((r) => r.signals.length === 1);
    await turn();
    expect(rec.signals).toHaveLength(1);
    g.resolve();
    await rec.until((r) => r.signals.length === 2);
  });
});

describe('AckOrder', () => {
  // Each row: which messages carry a gate, in arrival order, and the order their gates are settled in;
  // acknowledgements must follow arrival order whatever the settling order.
  it.each([
    [[true, false, false], [0]],
    [[false, true, false, true], [3, 1]],
    [[true, true, true], [2, 1, 0]],
    [[false, false], []],
  ])('gated %j settled in order %j: acknowledged in arrival order', async (gated, settleOrder) => {
    const order = new AckOrder();
    const gates = gated.map((g) => (g ? gate() : undefined));
    const acked: number[] = [];
    const waits = gates.map((g, i) => {
      const w = order.after(g?.promise);
      if (w === undefined) acked.push(i);
      else void w.then(() => acked.push(i));
      return w;
    });
    for (const i of settleOrder) {
      await turn(2);
      gates[i]!.resolve();
    }
    await Promise.all(waits);
    expect(acked).toEqual(gated.map((_, i) => i));
  });

  it('acknowledges at once again once the chain has drained', async () => {
    const order = new AckOrder();
    const g = gate();
    const w = order.after(g.promise);
    g.resolve();
    await w;
    await turn(2);
    expect(order.after(undefined)).toBeUndefined();
  });

  it('a refused message refuses only itself', async () => {
    const order = new AckOrder();
    const g = gate();
    const bad = order.after(g.promise);
    const next = order.after(undefined);
    g.reject(new Error('no'));
    await expect(bad).rejects.toThrow('no');
    await expect(next).resolves.toBeUndefined();
  });
});
