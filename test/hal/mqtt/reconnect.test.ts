import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from '../../../hal/mqtt/index.ts';
import { connectClient, halSource, halTransport, USERS, VEHICLE } from './helpers.ts';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('MqttSource reconnects', () => {
  it('after the embedded broker restarts: alarm raised, resubscribed on the clean session, alarm cleared, signals flow', async () => {
    const first = new EmbeddedBroker({ vehicle: VEHICLE, users: USERS, port: 0 });
    const { port, url } = await first.start();
    const { source, rec } = halSource(halTransport(url, { reconnectPeriodMs: 50 }));
    cleanup.push(() => source.stop());
    await source.start();
    const dev1 = await connectClient(url, 'psu1', 'psu1-pw');
    await dev1.publishAsync('kis/f9/signal/power/psu1', '{"millivolts":1}', { qos: 1 });
    await rec.until((r) => r.signals.length === 1);

    await first.stop(); // the new broker knows nothing of the old session: the source must subscribe again
    await rec.until((r) => r.alarms.some((a) => a.alarm === 'mqtt-disconnected' && a.state === 'raised'));
    expect(source.status().connected).toBe(false);

    const second = new EmbeddedBroker({ vehicle: VEHICLE, users: USERS, port });
    await second.start();
    cleanup.push(() => second.stop());
    await rec.until((r) => r.alarms.some((a) => a.alarm === 'mqtt-disconnected' && a.state === 'cleared'));
    expect(source.status().connected).toBe(true);

    const dev2 = await connectClient(url, 'psu1', 'psu1-pw');
    cleanup.push(() => dev2.endAsync(true));
    await dev2.publishAsync('kis/f9/signal/power/psu1', '{"millivolts":2}', { qos: 1 });
    await rec.until((r) => r.signals.length === 2);
    expect(rec.signals.map((s) => s.type === 'power' && s.millivolts)).toEqual([1, 2]);
    expect(source.status().counters).toMatchObject({ connects: 2, disconnects: 1 });
  });

  it('the in-process transport reports the broker stopping', async () => {
    const broker = new EmbeddedBroker({ vehicle: VEHICLE, users: USERS, port: 0 });
    await broker.start();
    const { source, rec } = halSource(broker.localTransport());
    cleanup.push(() => source.stop());
    await source.start();
    await broker.stop();
    await rec.until((r) => r.alarms.length === 1);
    expect(rec.alarms[0]).toMatchObject({ alarm: 'mqtt-disconnected', state: 'raised' });
    expect(source.status().connected).toBe(false);
  });
});
