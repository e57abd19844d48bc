// The durable queue: order, retry through an API outage (503 write gate), resume after a killed
// process with nothing lost and nothing applied twice, and a torn last journal line.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealClock } from '../../../sim/core/index.ts';
import { errors } from '../../../sim/twin/index.ts';
import { ActionExecutor, ActionQueue, KubeCluster, QueueJournalError, type ExecResult } from '../../../hal/cluster/index.ts';
import type { Action } from '../../../hal/signals/index.ts';
import { startTestTwin, type TestTwin } from '../../helpers/twin.ts';
import { VEHICLE, vehicleNodes } from './seed.ts';

let t: TestTwin;
let cluster: KubeCluster;
let dir: string;
beforeAll(async () => {
  t = await startTestTwin({ nodes: vehicleNodes() });
  cluster = new KubeCluster(t.kc);
  dir = mkdtempSync(join(tmpdir(), 'kis-queue-'));
});
afterAll(() => t.stop());

const event = (msg: string, node = 's2-b'): Action => ({ type: 'emit-event', target: { by: 'node', name: node }, reason: 'LinkLost', eventType: 'Warning', message: msg });
const messages = async (prefix: string, node: string) => {
  const list = await t.kc.makeApiClient((await import('@kubernetes/client-node')).CoreV1Api).listNamespacedEvent({ namespace: 'default' });
  return list.items
    .filter((e) => e.involvedObject.name === node && e.message?.startsWith(prefix))
    .sort((a, b) => Number(a.metadata?.resourceVersion) - Number(b.metadata?.resourceVersion))
    .map((e) => e.message);
};

function makeQueue(path: string, results: string[] = [], retries: number[] = []) {
  const clock = new RealClock();
  return new ActionQueue({
    path, clock,
    executor: new ActionExecutor({ cluster, vehicle: VEHICLE, clock, arm: { armed: true } }),
    backoff: { initialMs: 10, maxMs: 50 },
    onResult: (e, r: ExecResult) => results.push(`${e.id}:${r.status}`),
    onRetry: (_e, err) => retries.push(err.code),
  });
}

describe('ActionQueue', () => {
  it('applies in order; through a 503 outage it retries the head and nothing overtakes it', async () => {
    const results: string[] = [];
    const retries: number[] = [];
    const q = makeQueue(join(dir, 'outage.ndjson'), results, retries);
    t.twin.registry.setWriteGate(() => {
      throw errors.unavailable('quorum lost');
    });
    // Annotations, not Events: Events are best effort and are dropped while the API refuses writes.
    const seen: string[] = [];
    const stopWatch = t.twin.store.watch('nodes', undefined, t.twin.store.resourceVersion(), (ev) => {
      const v = ev.object.metadata.annotations?.['x.test/outage'];
      if (v && seen[seen.length - 1] !== v) seen.push(v);
    });
    try {
      for (let i = 1; i <= 3; i++) q.enqueue({ type: 'annotate-node', target: { by: 'node', name: 's2-b' }, annotations: { 'x.test/outage': String(i) } });
      q.start();
      const until = async (ok: () => boolean) => { while (!ok()) await new Promise((r) => setTimeout(r, 10)); };
      await until(() => retries.length >= 3);
      expect(results).toEqual([]);
      expect(q.depth).toBe(3);
      expect(retries.every((c) => c === 503)).toBe(true);
    } finally {
      t.twin.registry.setWriteGate(undefined);
    }
    await q.idle();
    await q.stop();
    stopWatch.stop();
    expect(results).toEqual(['1:applied', '2:applied', '3:applied']);
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('a non-retryable failure is recorded and the queue moves on', async () => {
    const results: string[] = [];
    const q = makeQueue(join(dir, 'fail.ndjson'), results);
    q.enqueue({ type: 'rollout-image', workload: 'no-such-deployment', image: 'x:1' });
    q.enqueue(event('after-failure'));
    q.start();
    await q.idle();
    await q.stop();
    expect(results).toEqual(['1:failed', '2:applied']);
  });

  it('resumes unfinished actions after a reopen; a torn last line is dropped; ids keep increasing', async () => {
    const path = join(dir, 'resume.ndjson');
    const q1 = makeQueue(path);
    q1.enqueue(event('resume-1'));
    q1.enqueue(event('resume-2'));
    await q1.stop(); // never started: both still owed
    appendFileSync(path, '{"op":"enqueue","id":3,"at":0,"act'); // killed mid-write
    const results: string[] = [];
    const q2 = makeQueue(path, results);
    expect(q2.pending().map((p) => p.id)).toEqual([1, 2]);
    expect(q2.enqueue(event('resume-3')).id).toBe(3);
    q2.start();
    await q2.idle();
    await q2.stop();
    expect(results).toEqual(['1:applied', '2:applied', '3:applied']);
    const q3 = makeQueue(path);
    expect(q3.depth).toBe(0);
    expect(q3.enqueue(event('resume-4')).id).toBe(4);
    await q3.stop();
  });

  it('refuses a corrupt journal with the line that is wrong', () => {
    const path = join(dir, 'corrupt.ndjson');
    writeFileSync(path, '{"op":"header","epoch":"x","next":1}\nnot json\n');
    expect(() => makeQueue(path)).toThrow(QueueJournalError);
    expect(() => makeQueue(path)).toThrow(/corrupt\.ndjson:2: not JSON/);
  });

  it('survives a killed process: nothing lost, nothing applied twice, in order', async () => {
    const path = join(dir, 'kill.ndjson');
    const N = 20;
    const run = (args: string[], killAfter?: number) =>
      new Promise<{ applied: number; code: number | null; signal: string | null }>((resolve, reject) => {
        const child = spawn(process.execPath, ['sim/cli/run-ts.mjs', 'test/hal/cluster/queue-child.ts', t.adminPath, path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let applied = 0;
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          applied += (d.toString().match(/^applied /gm) ?? []).length;
          if (killAfter !== undefined && applied >= killAfter) child.kill('SIGKILL');
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => (code && code !== 0 ? reject(new Error(`child exit ${code}: ${err}`)) : resolve({ applied, code, signal })));
      });
    const first = await run(['fill', String(N), '20'], 9);
    expect(first.signal).toBe('SIGKILL');
    const partial = await messages('step-', 's2-a');
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(N);
    const second = await run(['resume']);
    expect(second.code).toBe(0);
    const all = await messages('step-', 's2-a');
    expect(all).toEqual(Array.from({ length: N }, (_, i) => `step-${i + 1}`));
    expect((await cluster.getNode('s2-a'))?.annotations['x.test/step']).toBe(String(N));
    // The journal owes nothing now, and was compacted on reopen.
    expect(readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"enqueue"')).length).toBeLessThanOrEqual(2 * N);
    const reopened = makeQueue(path);
    expect(reopened.depth).toBe(0);
    await reopened.stop();
  }, 30_000);
});
