// Child process of the MQTT ingest benchmark: D device clients publish N power signals in total, QoS 1,
// pipelined (up to W unacknowledged per device), then report how long the broker took to ack them all.
// The default client is a lean MQTT 3.1.1 publisher (CONNECT, PUBLISH QoS 1, PUBACK, DISCONNECT — what a
// microcontroller on the lab bus sends), so the load generator costs ~1-2 µs a signal and the bench
// measures the broker and the HAL rather than mqtt.js; KIS_BENCH_MQTT_CLIENT=mqttjs uses mqtt.js instead.
import { connect, type Socket } from 'node:net';
import mqtt from 'mqtt';

const [url = '', total = '0', devices = '1', windowSize = '1000'] = process.argv.slice(2);
const N = Number(total);
const D = Number(devices);
const W = Math.min(Number(windowSize), 65_535); // packet ids in flight must be distinct (MQTT 3.1.1 §2.3.1)

const str = (s: string): Buffer => {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
};

/** MQTT "remaining length": 7 bits a byte, high bit = more follows (§2.2.3). */
function remainingLength(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const packet = (type: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([type]), remainingLength(body.length), body]);

function connectPacket(clientId: string, username: string, password: string): Buffer {
  // §3.1.2: protocol name "MQTT", level 4; flags: user name, password, clean session; keep alive 60 s.
  const header = Buffer.concat([str('MQTT'), Buffer.from([4, 0xc2, 0, 60])]);
  return packet(0x10, Buffer.concat([header, str(clientId), str(username), str(password)]));
}

/** PUBLISH, QoS 1 (§3.3): fixed header 0x32, topic, packet id, payload. */
function publishPacket(topic: Buffer, id: number, payload: string): Buffer {
  const p = Buffer.from(payload);
  return packet(0x32, Buffer.concat([topic, Buffer.from([id >> 8, id & 0xff]), p]));
}

async function leanDevice(d: number, count: number, offset: number): Promise<void> {
  const name = `dev${d}`;
  const u = new URL(url);
  const socket: Socket = connect({ host: u.hostname, port: Number(u.port), noDelay: true });
  const topic = str(`kis/bench/signal/power/${name}`);
  let pending: Buffer = Buffer.alloc(0);
  let connacked!: () => void;
  let done!: () => void;
  let fail!: (e: Error) => void;
  const ready = new Promise<void>((resolve) => (connacked = resolve));
  // Rejects on a socket error or an early close (an ACL refusal is a disconnect in MQTT 3.1.1).
  const finished = new Promise<void>((resolve, reject) => ((done = resolve), (fail = reject)));
  let sent = 0;
  let acked = 0;
  const pump = (): void => {
    const batch: Buffer[] = [];
    while (sent < count && sent - acked < W) {
      const v = offset + sent++;
      batch.push(publishPacket(topic, (sent % 65_535) + 1, `{"millivolts":${v}}`));
    }
    if (batch.length > 0) socket.write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
  };
  socket.on('error', (e) => fail(e));
  socket.on('close', () => fail(new Error(`${name}: the broker closed the connection after ${acked}/${count} acks`)));
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let i = 0;
    let newAcks = 0;
    // Only CONNACK (0x20) and PUBACK (0x40) come back to a publisher, both 4 bytes long.
    while (pending.length - i >= 4) {
      const type = pending[i]!;
      if (type === 0x20) {
        if (pending[i + 3] !== 0) fail(new Error(`${name}: CONNACK return code ${pending[i + 3]}`));
        else connacked();
      } else if (type === 0x40) newAcks++;
      else fail(new Error(`${name}: unexpected packet type 0x${type.toString(16)}`));
      i += 4;
    }
    pending = pending.subarray(i);
    if (newAcks === 0) return;
    acked += newAcks;
    if (acked === count) done();
    else if (sent - acked <= W / 2) pump();
  });
  socket.write(connectPacket(name, name, `${name}-pw`));
  await Promise.race([ready, finished]);
  if (count === 0) done();
  else pump();
  await finished;
  socket.removeAllListeners('close');
  socket.end(Buffer.from([0xe0, 0])); // DISCONNECT
}

async function mqttjsDevice(d: number, count: number, offset: number): Promise<void> {
  const name = `dev${d}`;
  const c = await mqtt.connectAsync(url, { username: name, password: `${name}-pw`, clientId: name, reconnectPeriod: 0, protocolVersion: 4 });
  let acked = 0;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (sent < count && sent - acked < W) {
        const v = offset + sent++;
        c.publish(`kis/bench/signal/power/${name}`, `{"millivolts":${v}}`, { qos: 1 }, () => {
          if (++acked === count) resolve();
          else if (sent - acked <= W / 2) pump();
        });
      }
    };
    pump();
  });
  await c.endAsync();
}

const device = process.env.KIS_BENCH_MQTT_CLIENT === 'mqttjs' ? mqttjsDevice : leanDevice;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const per = Math.ceil(N / D);
await Promise.all(Array.from({ length: D }, (_, d) => device(d, Math.max(0, Math.min(per, N - d * per)), d * per)));
const cpu = process.cpuUsage(cpu0);
process.send?.({ ackedMs: performance.now() - t0, cpuUs: cpu.user + cpu.system });
