// Child process of the MQTT ingest benchmark: D device clients publish N power signals in total, QoS 1,
// pipelined (up to W unacknowledged per device), then report how long the broker took to ack them all.
import mqtt from 'mqtt';

const [url = '', total = '0', devices = '1', windowSize = '1000'] = process.argv.slice(2);
const N = Number(total);
const D = Number(devices);
const W = Number(windowSize);

async function device(d: number, count: number, offset: number): Promise<void> {
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

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const per = Math.ceil(N / D);
await Promise.all(Array.from({ length: D }, (_, d) => device(d, Math.min(per, N - d * per), d * per)));
const cpu = process.cpuUsage(cpu0);
process.send?.({ ackedMs: performance.now() - t0, cpuUs: cpu.user + cpu.system });
