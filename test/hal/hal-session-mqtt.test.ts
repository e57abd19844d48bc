// kis hal on MQTT end to end, into the twin over HTTPS: with --broker (the embedded broker, credentials
// generated and printed) and with --mqtt (a broker by URL). A device's signals become actions; a viewer sees
// retained state, every action outcome on events, alarms on alerts; a device cannot forge the HAL's topics.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EmbeddedBroker, type BrokerUser } from '../../hal/mqtt/index.ts';
import { deriveWiring } from '../../hal/wiring/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { runHal, type HalOptions } from '../../sim/run/hal-session.ts';
import { vehicleNodes } from '../../sim/run/vehicle-nodes.ts';
import { startTestTwin } from '../helpers/twin.ts';
import { waitFor } from './sources/serial/pty-pair.ts';

const dir = mkdtempSync(join(tmpdir(), 'kis-hal-mqtt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const profile = loadProfile('profiles/electron-small.yaml');
const V = profile.vehicle.name;
// A node of another vehicle on the same bus label: the scope guard must refuse it, with an alert.
const FOREIGN = { name: 'intruder', cpu: '1', memory: '1Gi', pods: 10, labels: { 'kis.dev/vehicle': 'other', 'kis.dev/power-bus': 'booster-bus' }, role: 'worker' as const };

async function connect(url: string, username: string, password: string): Promise<MqttClient> {
  const c = await mqtt.connectAsync(url, { username, password, clientId: `${username}-${Math.random().toString(16).slice(2)}`, reconnectPeriod: 0, protocolVersion: 4 });
  cleanup.push(() => c.endAsync(true));
  return c;
}

interface Seen {
  readonly state: Map<string, unknown>;
  readonly events: Array<Record<string, unknown>>;
  readonly alerts: Array<Record<string, unknown>>;
}

async function viewer(url: string, username: string, password: string): Promise<Seen> {
  const c = await connect(url, username, password);
  const seen: Seen = { state: new Map(), events: [], alerts: [] };
  c.on('message', (topic, payload) => {
    const body = payload.length === 0 ? undefined : (JSON.parse(payload.toString()) as Record<string, unknown>);
    if (topic === `kis/${V}/events`) seen.events.push(body!);
    else if (topic === `kis/${V}/alerts`) seen.alerts.push(body!);
    else seen.state.set(topic.slice(`kis/${V}/state/`.length), body);
  });
  await c.subscribeAsync([`kis/${V}/state/#`, `kis/${V}/events`, `kis/${V}/alerts`], { qos: 1 });
  return seen;
}

type Mode = 'broker' | 'mqtt';

async function startHal(mode: Mode) {
  const t = await startTestTwin({ nodes: [...vehicleNodes(profile), FOREIGN] });
  cleanup.push(() => t.stop());
  const kubeconfig = join(dir, `kc-${mode}`);
  writeFileSync(kubeconfig, t.twin.kubeconfig('admin'));
  const log: string[] = [];
  let stop!: (v: string) => void;
  const until = new Promise<string>((r) => (stop = r));
  let ready!: (r: { brokerUrl?: string }) => void;
  const readyP = new Promise<{ brokerUrl?: string }>((r) => (ready = r));
  const base: HalOptions = {
    wiring: deriveWiring(profile, { arming: 'armed' }), serial: [], kubeconfig, dryRun: false,
    queuePath: join(dir, `queue-${mode}.ndjson`), log: (l) => log.push(l), until, onReady: ready,
  };
  let external: EmbeddedBroker | undefined;
  let opts: HalOptions;
  if (mode === 'broker') {
    opts = { ...base, broker: { port: 0, wsPort: 0 } };
  } else {
    const users: BrokerUser[] = [
      { username: 'hal', password: 'hal-pw', role: 'hal' },
      { username: 'booster-bus', password: 'bb-pw', role: 'device' },
      { username: 'viewer', password: 'v-pw', role: 'viewer' },
    ];
    external = new EmbeddedBroker({ vehicle: V, users, port: 0 });
    const { port } = await external.start();
    cleanup.push(() => external!.stop());
    opts = { ...base, mqttUrl: `mqtt://hal:hal-pw@127.0.0.1:${port}` };
  }
  const hal = runHal(opts);
  hal.catch(() => undefined);
  cleanup.push(async () => {
    stop('test over');
    await hal;
  });
  const r: { brokerUrl?: string } = await Promise.race([readyP, hal.then(() => ({}))]);
  const url = r.brokerUrl ?? external!.address.url;
  // With --broker the credentials are generated: read them from the log, as a lab engineer would.
  const password = (user: string) => {
    if (mode === 'mqtt') return user === 'viewer' ? 'v-pw' : 'bb-pw';
    const line = log.find((l) => l.trimStart().startsWith(`${user} `));
    if (!line) throw new Error(`no credentials printed for ${user}:\n${log.join('\n')}`);
    return line.trim().split(/\s+/)[1]!;
  };
  return { t, url, log, password, stop: () => stop('test over'), hal };
}

describe.each<Mode>(['broker', 'mqtt'])('kis hal --%s', (mode) => {
  it('device signals drive the cluster; a viewer sees state, events and alerts; a device cannot forge them', async () => {
    const h = await startHal(mode);
    if (mode === 'broker') expect(h.log.join('\n')).toMatch(/broker: devices connect to mqtt:\/\/127\.0\.0\.1:\d+ or ws:\/\/127\.0\.0\.1:\d+\/mqtt/);
    const seen = await viewer(h.url, 'viewer', h.password('viewer'));
    const boosterNodes = vehicleNodes(profile).filter((n) => n.labels?.['kis.dev/power-bus'] === 'booster-bus').map((n) => n.name);
    expect(boosterNodes.length).toBeGreaterThan(0);

    // Retained state, there for a viewer that connects after the HAL.
    await waitFor(() => boosterNodes.every((n) => seen.state.has(`nodes/${n}`)) && JSON.stringify(seen.state.get('sources')).includes('"connected":true'), 'the retained state');
    expect(seen.state.get('online')).toBe(true);
    expect(seen.state.get('arm')).toEqual({ armed: true, mode: 'ARMED', dryRun: false });
    expect(seen.state.get('sources')).toEqual([{ name: expect.stringMatching(/^mqtt:/), connected: true }]);
    expect(seen.state.get(`nodes/${boosterNodes[0]}`)).toMatchObject({ ready: 'True', power: 'on', attached: true, stage: 'booster', bus: 'booster-bus' });
    expect(seen.state.has('nodes/intruder')).toBe(false); // another vehicle's node is not ours to report

    // The bus falls below cutoff: its nodes are powered off; the foreign node is refused with an alert.
    const dev = await connect(h.url, 'booster-bus', h.password('booster-bus'));
    await dev.publishAsync(`kis/${V}/signal/power/booster-bus`, '{"millivolts":20000,"id":"drop-1"}', { qos: 1 });
    await waitFor(() => boosterNodes.every((n) => (seen.state.get(`nodes/${n}`) as { power?: string } | undefined)?.power === 'off'), 'the booster nodes to show power off');
    await waitFor(() => seen.events.some((e) => e.type === 'power-off'), 'the power-off event');
    expect(seen.events.find((e) => e.type === 'power-off')).toMatchObject({ kind: 'action', status: 'applied', cause: 'drop-1' });
    expect(seen.events.every((e) => typeof e.id === 'number' && typeof e.status === 'string')).toBe(true);
    await waitFor(() => seen.alerts.some((a) => a.alarm === 'scope-violation'), 'the scope-guard alert');
    expect(seen.alerts.find((a) => a.alarm === 'scope-violation')).toMatchObject({ subject: 'intruder', state: 'raised' });
    await waitFor(() => JSON.stringify(seen.state.get('alarms')).includes('scope-violation'), 'state/alarms to list it');

    // A bad signal is an alert, not an action.
    await dev.publishAsync(`kis/${V}/signal/power/booster-bus`, '{"millivolts":"lots"}', { qos: 1 });
    await waitFor(() => seen.alerts.some((a) => a.alarm === 'bad-payload'), 'the bad-payload alert');

    // ACL: the device may not publish the HAL's topics; the broker drops the connection, nothing is delivered.
    const closed = new Promise<void>((r) => dev.once('close', () => r()));
    dev.publish(`kis/${V}/state/arm`, '{"armed":false}', { qos: 1, retain: true });
    await closed;
    const forger = await connect(h.url, 'booster-bus', h.password('booster-bus'));
    const closed2 = new Promise<void>((r) => forger.once('close', () => r()));
    forger.publish(`kis/${V}/alerts`, '{"alarm":"fake"}', { qos: 1 });
    await closed2;
    expect(seen.state.get('arm')).toEqual({ armed: true, mode: 'ARMED', dryRun: false });
    expect(seen.alerts.some((a) => a.alarm === 'fake')).toBe(false);

    // A clean stop marks the HAL offline for late viewers.
    h.stop();
    expect(await h.hal).toBe(0);
    await waitFor(() => seen.state.get('online') === false, 'state/online=false');
  }, 60_000);
});
