// The HAL's last will on an external broker: if its connection ends without a DISCONNECT (a crash, a
// network loss, a protocol error) the broker itself publishes state/online=false, retained.
import { afterEach, describe, expect, it } from 'vitest';
import { mqttClientTransport } from '../../../hal/mqtt/index.ts';
import { waitFor } from '../sources/serial/pty-pair.ts';
import { connectClient, startBroker } from './helpers.ts';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('mqttClientTransport will', () => {
  it('is published by the broker when the HAL connection dies uncleanly, and not on a clean close', async () => {
    const broker = await startBroker();
    cleanup.push(() => broker.stop());
    const url = broker.address.url;
    const will = { topic: 'kis/f9/state/online', payload: 'false', retain: true };
    const viewer = await connectClient(url, 'ops', 'ops-pw');
    cleanup.push(() => viewer.endAsync(true));
    const seen: string[] = [];
    viewer.on('message', (_t, p) => seen.push(p.toString()));
    await viewer.subscribeAsync('kis/f9/state/online', { qos: 1 });

    const clean = mqttClientTransport({ url, username: 'hal', password: 'hal-pw', will, reconnectPeriodMs: 0 });
    await clean.open();
    await clean.publish('kis/f9/state/online', 'true', { qos: 1, retain: true });
    await clean.close();

    // A publish outside the HAL's ACL makes the broker drop the connection: an unclean end, as a crash is.
    const dying = mqttClientTransport({ url, username: 'hal', password: 'hal-pw', will, reconnectPeriodMs: 0 });
    cleanup.push(() => dying.close());
    await dying.open();
    await dying.publish('kis/f9/signal/power/psu1', '{}', { qos: 0 });
    await waitFor(() => seen.includes('false'), 'the will');
    expect(seen).toEqual(['true', 'false']);
  });
});
