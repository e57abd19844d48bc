// Benchmark helper process: serves a twin and answers control messages over IPC, so the load generator
// runs on the other core and the twin's RSS is measured alone.
import { RealClock } from '../../sim/core/index.ts';
import { plainWorkers, resourceByKey, startTwin } from '../../sim/twin/index.ts';

const clock = new RealClock();
const twin = await startTwin({ clock, wallNow: new Date(), nodes: plainWorkers(Number(process.env.BENCH_NODES ?? 10)), historyLimit: 20_000 });

type Msg = { op: 'rss' } | { op: 'seed'; nodes: number; pods: number } | { op: 'stop' };

function rssMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1048576;
}

process.on('message', (msg: Msg) => {
  if (msg.op === 'rss') process.send!({ op: 'rss', rssMiB: rssMiB(), heapMiB: process.memoryUsage().heapUsed / 1048576 });
  if (msg.op === 'seed') {
    const started = performance.now();
    const nodes = resourceByKey('nodes')!;
    const pods = resourceByKey('pods')!;
    const existing = twin.store.list('nodes', undefined).items.length;
    const now = new Date(clock.now()).toISOString();
    for (let i = existing; i < msg.nodes; i++) {
      twin.registry.create(nodes, '', {
        metadata: { name: `bench-node-${i}`, labels: { 'kis.dev/stage': `stage-${i % 3}`, 'kis.dev/vehicle': 'bench' } },
        status: { capacity: { cpu: '64', memory: '256Gi', pods: '250' }, allocatable: { cpu: '64', memory: '256Gi', pods: '250' },
          conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
      });
    }
    for (let i = 0; i < msg.pods; i++) {
      const name = `payload-${i}`;
      twin.registry.create(pods, 'default', {
        metadata: { name, labels: { app: `app-${i % 50}`, 'pod-template-hash': '5d8f7b9c6' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `app-${i % 50}-5d8f7b9c6`, uid: '00000000-0000-4000-8000-000000000000', controller: true, blockOwnerDeletion: true }] },
        spec: {
          nodeName: `bench-node-${i % msg.nodes}`,
          containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } }, ports: [{ containerPort: 8080 }] }],
        },
      });
    }
    process.send!({ op: 'seeded', seconds: (performance.now() - started) / 1000 });
  }
  if (msg.op === 'stop') void twin.close().then(() => process.exit(0));
});

process.send!({ op: 'ready', url: twin.url, ca: twin.pki.caCertPem, token: twin.tokens.admin });
