// Issue 2 benchmark: the twin's API server over HTTPS keep-alive on this machine.
// GET/s and PATCH/s with p50/p99, watch fan-out (100 watchers × 10,000 writes, in order), and the RSS of a
// twin holding 1,000 nodes + 100,000 pods. The twin runs in a child process; this process generates load.
import { fork, type ChildProcess } from 'node:child_process';
import type { ClientRequest } from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { agentFor, load, request, type LoadResult, type Target } from './api/http-load.ts';
import { pipelinedLoad } from './api/pipelined-load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function startChild(): Promise<{ child: ChildProcess; target: Target }> {
  const child = fork(fileURLToPath(new URL('./api/twin-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m: { op: string; url: string; ca: string; token: string }) => resolve({ child, target: { url: m.url, ca: m.ca, token: m.token } }));
  });
}

function ask<T>(child: ChildProcess, msg: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { op: string }) => {
      if (m.op === reply) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send(msg);
  });
}

function line(what: string, r: LoadResult, note: string): void {
  console.log(`  ${what.padEnd(22)}${fmt(r.perSecond).padStart(7)} req/s   p50 ${fmt(r.p50, 2)} ms   p99 ${fmt(r.p99, 2)} ms   errors ${r.errors}   ${note}`);
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function watchFanOut(target: Target, watchers: number, writes: number) {
  await request(target, agentFor(target, 1), 'POST', '/api/v1/namespaces', JSON.stringify({ metadata: { name: 'fanout' } }));
  const agent = new https.Agent({ keepAlive: true, maxSockets: watchers + 1, ca: target.ca });
  const state = Array.from({ length: watchers }, () => ({ count: 0, lastRv: 0, inOrder: true, doneAt: 0 }));
  let allDone!: () => void;
  const finished = new Promise<void>((r) => (allDone = r));
  let remaining = watchers;
  const start = await request(target, agent, 'GET', '/api/v1/namespaces/fanout/configmaps');
  const rv = JSON.parse(start.body).metadata.resourceVersion as string;
  const requests: ClientRequest[] = [];
  await Promise.all(
    state.map(
      (s) =>
        new Promise<void>((opened) => {
          const req = https.request(`${target.url}/api/v1/namespaces/fanout/configmaps?watch=true&resourceVersion=${rv}`, {
            agent, headers: { Authorization: `Bearer ${target.token}` },
          }, (res) => {
            opened();
            let buf = '';
            res.on('data', (chunk: Buffer) => {
              buf += chunk.toString();
              let nl: number;
              while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl);
                buf = buf.slice(nl + 1);
                const ev = JSON.parse(line);
                const r = Number(ev.object.metadata.resourceVersion);
                if (r <= s.lastRv) s.inOrder = false;
                s.lastRv = r;
                if (++s.count === writes) {
                  s.doneAt = performance.now();
                  if (--remaining === 0) allDone();
                }
              }
            });
          });
          req.end();
          requests.push(req);
        }),
    ),
  );
  const t0 = performance.now();
  const writeLoad = await load(target, { concurrency: 16, seconds: 600, maxRequests: writes }, (i) => ({
    method: 'POST', path: '/api/v1/namespaces/fanout/configmaps', body: JSON.stringify({ metadata: { name: `cm-${i}` }, data: { i: String(i) } }),
  }));
  const writesDone = performance.now();
  await finished;
  const drained = performance.now();
  for (const r of requests) r.destroy();
  agent.destroy();
  return {
    watchers,
    writes,
    delivered: state.reduce((a, s) => a + s.count, 0),
    allInOrder: state.every((s) => s.inOrder),
    writeSeconds: (writesDone - t0) / 1000,
    drainSeconds: (drained - t0) / 1000,
    lagAfterLastWriteMs: drained - writesDone,
    writeErrors: writeLoad.errors,
  };
}

export async function runApiBench(): Promise<void> {
  const { child, target } = await startChild();
  try {
    console.log(`api: twin over HTTPS keep-alive, ${SECONDS}s per phase, load generator in a separate process`);
    // Throughput: 4 TLS connections × 8 pipelined requests (a lean, wrk-like client — Node's https client
    // saturates its own core before the twin does). Latency at a moderate load: 8 connections × 1 in flight.
    const gets = await pipelinedLoad(target, { connections: 4, depth: 8, seconds: SECONDS }, () => ({ method: 'GET', path: '/api/v1/nodes/worker-1' }));
    line('GET node', gets, '(target >= 10,000/s)');
    const getsModerate = await pipelinedLoad(target, { connections: 8, depth: 1, seconds: SECONDS }, () => ({ method: 'GET', path: '/api/v1/nodes/worker-1' }));
    line('GET node, 8 in flight', getsModerate, '');

    const mergePatch = (i: number) => ({
      method: 'PATCH', path: `/api/v1/nodes/worker-${(i % 10) + 1}`, contentType: 'application/merge-patch+json',
      body: JSON.stringify({ metadata: { annotations: { 'kis.dev/bench': String(i) } } }),
    });
    const patches = await pipelinedLoad(target, { connections: 4, depth: 8, seconds: SECONDS }, mergePatch);
    line('PATCH node (merge)', patches, '(target >= 3,000/s)');
    const patchesModerate = await pipelinedLoad(target, { connections: 8, depth: 1, seconds: SECONDS }, mergePatch);
    line('PATCH, 8 in flight', patchesModerate, '(target p99 < 10 ms)');
    const smp = await pipelinedLoad(target, { connections: 4, depth: 8, seconds: SECONDS }, (i) => ({
      method: 'PATCH', path: `/api/v1/nodes/worker-${(i % 10) + 1}`, contentType: 'application/strategic-merge-patch+json',
      body: JSON.stringify({ spec: { unschedulable: i % 2 === 0 } }),
    }));
    line('PATCH node (SMP)', smp, '');
    const nodeClient = await load(target, { concurrency: 32, seconds: SECONDS }, () => ({ method: 'GET', path: '/api/v1/nodes/worker-1' }));
    line('GET via node:https', nodeClient, '(client-bound: for comparison)');

    const fan = await watchFanOut(target, 100, 10_000);
    console.log(`  watch fan-out       ${fan.watchers} watchers × ${fmt(fan.writes)} writes: ${fmt(fan.delivered)} events delivered, in order: ${fan.allInOrder}`);
    console.log(`                      writes took ${fmt(fan.writeSeconds, 2)} s; all drained at ${fmt(fan.drainSeconds, 2)} s (${fmt(fan.lagAfterLastWriteMs)} ms after the last write)`);

    const seeded = await ask<{ seconds: number }>(child, { op: 'seed', nodes: 1000, pods: 100_000 }, 'seeded');
    const mem = await ask<{ rssMiB: number; heapMiB: number }>(child, { op: 'rss' }, 'rss');
    console.log(`  memory              1,000 nodes + 100,000 pods: RSS ${fmt(mem.rssMiB)} MiB (heap ${fmt(mem.heapMiB)} MiB); seeded in-process in ${fmt(seeded.seconds, 1)} s   (target < 1,536 MiB)`);

    const listAll = await load(target, { concurrency: 1, seconds: 60, maxRequests: 3 }, () => ({ method: 'GET', path: '/api/v1/pods?limit=500' }));
    console.log(`  list 500 of 100k    p50 ${fmt(listAll.p50, 1)} ms`);
  } finally {
    child.send({ op: 'stop' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runApiBench();
