// The source against an external broker: a real mosquitto started by the test on a free port.
// .ci/run installs mosquitto; where it is absent the suite is skipped, loudly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mqttClientTransport } from '../../../hal/mqtt/index.ts';
import { halSource } from './helpers.ts';

const hasMosquitto = spawnSync('mosquitto', ['-h']).error === undefined;
if (!hasMosquitto) console.warn('SKIPPED: mosquitto is not installed (apt-get install mosquitto); the external-broker tests did not run');

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kis-mosquitto-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts mosquitto on `port`; resolves once it accepts connections. */
async function mosquitto(port: number, tls?: { ca: string; cert: string; key: string }): Promise<ChildProcess> {
  const conf = join(dir, `m-${port}.conf`);
  const tlsLines = tls ? [`cafile ${tls.ca}`, `certfile ${tls.cert}`, `keyfile ${tls.key}`] : [];
  writeFileSync(conf, [`listener ${port} 127.0.0.1`, ...tlsLines, 'allow_anonymous true', 'persistence false', ''].join('\n'));
  const proc = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`mosquitto exited ${proc.exitCode}: ${log}`);
    const probe = tls ? `mqtts://127.0.0.1:${port}` : `mqtt://127.0.0.1:${port}`;
    const up = await mqtt.connectAsync(probe, { reconnectPeriod: 0, connectTimeout: 500, ...(tls ? { rejectUnauthorized: false } : {}) }).then((c) => c.endAsync(true).then(() => true), () => false);
    if (up) return proc;
    await new Promise((r) => setImmediate(r));
  }
}

function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return Promise.resolve();
  return new Promise((r) => {
    proc.once('exit', () => r());
    proc.kill('SIGTERM');
  });
}

describe.skipIf(!hasMosquitto)('MqttSource against an external mosquitto', () => {
  it('receives device signals, drops retained ones, and reconnects and resubscribes after mosquitto restarts', async () => {
    const port = await freePort();
    let broker = await mosquitto(port);
    cleanup.push(() => kill(broker));
    const url = `mqtt://127.0.0.1:${port}`;

    // A retained signal left on the broker before the HAL starts: stale, must not become a signal.
    const dev = await mqtt.connectAsync(url, { reconnectPeriod: 0 });
    await dev.publishAsync('kis/f9/signal/separation/s1-s2', '{"state":"separated"}', { qos: 1, retain: true });
    await dev.endAsync();

    const { source, rec } = halSource(mqttClientTransport({ url, reconnectPeriodMs: 50 }));
    cleanup.push(() => source.stop());
    await source.start();
    await rec.until((r) => r.alarms.some((a) => a.alarm === 'bad-payload'));
    expect(source.status().counters).toMatchObject({ retainedDropped: 1, signals: 0 });

    const dev1 = await mqtt.connectAsync(url, { reconnectPeriod: 0 });
    await dev1.publishAsync('kis/f9/signal/power/bus-a', '{"millivolts":27000}', { qos: 1 });
    await dev1.publishAsync('kis/f9/signal/power/bus-a', '{"millivolts":"bad"}', { qos: 1 });
    await rec.until((r) => r.signals.length === 1 && r.alarms.length === 2);
    await dev1.endAsync(true);

    await kill(broker);
    await rec.until((r) => r.alarms.some((a) => a.alarm === 'mqtt-disconnected' && a.state === 'raised'));
    broker = await mosquitto(port); // a fresh mosquitto: no session, the source must subscribe again
    await rec.until((r) => r.alarms.some((a) => a.alarm === 'mqtt-disconnected' && a.state === 'cleared'));

    const dev2 = await mqtt.connectAsync(url, { reconnectPeriod: 0 });
    await dev2.publishAsync('kis/f9/signal/link/s-band', '{"state":"down"}', { qos: 1 });
    await dev2.endAsync();
    await rec.until((r) => r.signals.length === 2);
    expect(rec.signals.map((s) => s.type)).toEqual(['power', 'link']);
    expect(source.status()).toMatchObject({ connected: true, counters: { badPayloads: 1, retainedDropped: 1, connects: 2 } });
  });

  it('connects over mqtts:// with a CA it is given, and refuses a server it cannot verify', async () => {
    const ssl = (...args: string[]) => {
      const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
    };
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=kis test CA', '-keyout', 'ca.key', '-out', 'ca.crt');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', 'san.ext', '-out', 'server.crt');
    chmodSync(dir, 0o755); // mosquitto drops root for its own user before reading the key
    for (const f of ['ca.crt', 'server.crt', 'server.key']) chmodSync(join(dir, f), 0o644);
    const port = await freePort();
    const broker = await mosquitto(port, { ca: join(dir, 'ca.crt'), cert: join(dir, 'server.crt'), key: join(dir, 'server.key') });
    cleanup.push(() => kill(broker));
    const url = `mqtts://127.0.0.1:${port}`;

    const untrusted = mqttClientTransport({ url, reconnectPeriodMs: 1000 });
    cleanup.push(() => untrusted.close());
    await untrusted.open();
    expect(untrusted.connected).toBe(false);
    expect(untrusted.lastError).toMatch(/certificate/i);

    const { source, rec } = halSource(mqttClientTransport({ url, ca: readFileSync(join(dir, 'ca.crt')) }));
    cleanup.push(() => source.stop());
    await source.start();
    const dev = await mqtt.connectAsync(url, { reconnectPeriod: 0, ca: readFileSync(join(dir, 'ca.crt')) });
    cleanup.push(() => dev.endAsync(true));
    // The source may still be subscribing; publish until the first one lands (QoS 1, so none is lost in flight).
    while (rec.signals.length === 0) {
      await dev.publishAsync('kis/f9/signal/arm/box0', '{"state":"armed"}', { qos: 1 });
      await new Promise((r) => setImmediate(r));
    }
    expect(rec.signals[0]).toMatchObject({ type: 'arm', box: 'box0', state: 'armed', source: 'mqtt' });
    expect(source.name).toBe(`mqtt:mqtts://127.0.0.1:${port}`);
  });
});
