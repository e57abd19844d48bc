// Benchmark child: a living twin in lockstep, in process (no HTTP), driven through one scenario; prints JSON.
//   pods <nodes> <pods>       create Deployments for <pods> replicas and run until all are Running
//   heartbeat <nodes> <hours> run <hours> of virtual time with <nodes> heartbeating kubelets
import { applyHeapPolicy, LockstepClock, SeededRandom, uuidFrom } from '../../sim/core/index.ts';
import { Registry, resourceByKey } from '../../sim/twin/api/index.ts';
import { bootstrapCluster } from '../../sim/twin/bootstrap.ts';
import { ControllerManager, DEFAULT_TWIN_CONFIG, RegistryEventRecorder } from '../../sim/twin/controllers/index.ts';
import { plainWorkers, simulationControllers } from '../../sim/twin/index.ts';
import { ObjectStore, type KubeObject } from '../../sim/twin/store/index.ts';

// This child stands in for `kis twin`, which applies the heap policy at start-up (sim/cli/main.ts).
applyHeapPolicy();
const [mode = 'pods', a = '1000', b = '100000'] = process.argv.slice(2);
const nodes = Number(a);
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const clock = new LockstepClock({ start: Date.UTC(2026, 0, 1), stallTimeoutMs: 0 });
const random = new SeededRandom(1);
const uids = random.fork('uid');
const names = random.fork('names');
const store = new ObjectStore({ clock, uid: () => uuidFrom(uids), random: () => names.next() });
const registry = new Registry({ store, clock });
bootstrapCluster(registry);
const errors: string[] = [];
const config = { ...DEFAULT_TWIN_CONFIG, bootDelayMs: 1_000 };
const manager = new ControllerManager({
  registry, store, clock, random, config,
  events: new RegistryEventRecorder(registry, clock, (e) => errors.push(String(e))),
  onError: (where, e) => errors.push(`${where}: ${String(e)}`),
});
const nodeSpecs = plainWorkers(nodes).map((n) => ({ ...n, cpu: '64', memory: '256Gi', pods: 250 }));
manager.start(simulationControllers(nodeSpecs));
const readyNodes = () => store.list('nodes', undefined).items.length;
const wall0 = performance.now();
while (readyNodes() < nodes) await clock.runFor(1_000);
const registered = performance.now();

if (mode === 'pods') {
  const total = Number(b);
  const perDeployment = 1_000;
  const deployments = Math.ceil(total / perDeployment);
  // Counted from a watch, as a client waiting for a rollout would: listing (and sorting) every pod once per virtual
  // second measured the harness as much as the twin.
  let running = 0;
  const isRunning = (o: KubeObject | undefined) => (o?.status as { phase?: string } | undefined)?.phase === 'Running';
  const watch = store.watch('pods', 'default', store.resourceVersion(), (ev, previous) => {
    if (ev.type === 'BOOKMARK') return;
    running += (ev.type !== 'DELETED' && isRunning(ev.object) ? 1 : 0) - (isRunning(previous) ? 1 : 0);
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < deployments; i++) {
    const replicas = Math.min(perDeployment, total - i * perDeployment);
    registry.create(resourceByKey('deployments.apps')!, 'default', {
      metadata: { name: `app-${i}` },
      spec: {
        replicas,
        selector: { matchLabels: { app: `app-${i}` } },
        template: { metadata: { labels: { app: `app-${i}` } }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
      },
    });
  }
  while (running < total) await clock.runFor(1_000);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  watch.stop();
  // The watch's count, checked once against the store itself.
  const listed = store.list('pods', 'default', { filter: (p) => isRunning(p) }).items.length;
  if (listed !== running) errors.push(`the watch counted ${running} Running pods, the store lists ${listed}`);
  clearInterval(sampler);
  // CPU seconds beside wall: on a shared machine the wall figure mostly measures the neighbours.
  console.log(JSON.stringify({ mode, nodes, pods: total, seconds, podsPerSecond: total / seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, registerSeconds: (registered - wall0) / 1000, virtualSeconds: (clock.now() - Date.UTC(2026, 0, 1)) / 1000, peakRssMiB: peakRss / 1048576, errors: errors.length, firstError: errors[0] }));
} else {
  const hours = Number(b);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await clock.runFor(hours * 3_600_000);
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  const leases = store.list('leases.coordination.k8s.io', 'kube-node-lease').items.length;
  clearInterval(sampler);
  console.log(JSON.stringify({ mode, nodes, hours, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, leases, peakRssMiB: peakRss / 1048576, errors: errors.length, firstError: errors[0] }));
}
manager.stop();
process.exit(0);
