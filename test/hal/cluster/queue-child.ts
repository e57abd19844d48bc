// A HAL stand-in for the kill test: `fill N` queues N actions and runs them; `resume` runs what the
// journal still owes. Prints "applied <id>" per finished action; exits 0 when the queue is empty.
import { RealClock } from '../../../sim/core/index.ts';
import { ActionExecutor, ActionQueue, KubeCluster, loadKubeConfig } from '../../../hal/cluster/index.ts';
import type { Action } from '../../../hal/signals/index.ts';

const [kubeconfig, journal, mode, count, pause] = process.argv.slice(2) as [string, string, string, string?, string?];
const clock = new RealClock();
const executor = new ActionExecutor({ cluster: new KubeCluster(loadKubeConfig({ path: kubeconfig })), vehicle: 'falcon9', clock, arm: { armed: true } });
const pauseMs = Number(pause ?? 0);
const queue = new ActionQueue({
  path: journal,
  clock,
  executor: { apply: async (a, key) => { await clock.sleep(pauseMs); return executor.apply(a, key); } },
  onResult: (entry, r) => process.stdout.write(`applied ${entry.id} ${r.status}\n`),
});
if (mode === 'fill') {
  for (let i = 1; i <= Number(count); i++) {
    const steps: Action[] = [
      { type: 'annotate-node', target: { by: 'node', name: 's2-a' }, annotations: { 'x.test/step': String(i) } },
      { type: 'emit-event', target: { by: 'node', name: 's2-a' }, reason: 'LinkLost', eventType: 'Normal', message: `step-${i}` },
    ];
    for (const a of steps) queue.enqueue(a);
  }
}
process.stdout.write(`queued ${queue.depth}\n`);
queue.start();
await queue.idle();
await queue.stop();
