// Benchmark helper process for bench/hal: the twin in a process of its own, as a lab's cluster is on
// another machine — its GC, timers and request handling no longer share the HAL's event loop. It
// stamps each write the moment its store commits it (the watch handler runs inside the write) and
// each request as its HTTP server has parsed it, on the absolute clock performance.timeOrigin +
// performance.now(), and keeps them until the parent drains them between edges: nothing crosses the
// IPC pipe while an edge is measured, so the stamping costs neither process latency. It answers pings
// so the parent can measure the offset between the two processes' clocks (twin-process.ts).
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import { RealClock } from '../../sim/core/index.ts';
import { loadProfile } from '../../sim/profile/index.ts';
import { vehicleNodes } from '../../sim/run/vehicle-nodes.ts';
import { nodeObject, resourceByKey, simulationControllers, startTwin, type KubeObject } from '../../sim/twin/index.ts';
import type { ChildGc, ChildMessage, ChildRequest, ChildWrite, ParentMessage, WriteKind } from './twin-messages.ts';

const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';
const LINK_PREFIX = 'sim.kis.dev/link-';

const abs = (): number => performance.timeOrigin + performance.now();
const send = (m: ChildMessage): void => void process.send!(m);

const profile = loadProfile(process.argv[2] ?? 'profiles/electron-small.yaml');
const specs = vehicleNodes(profile);
const clock = new RealClock();
// BENCH_TWIN_CONTROLLERS=1: a living twin (kubelets, controllers, scheduler) instead of static nodes, to see
// what a cluster's own work in the same process adds; a lab's control plane runs that on other cores.
const living = process.env.BENCH_TWIN_CONTROLLERS === '1';
const twin = await startTwin({ clock, wallNow: new Date(), nodes: specs, ...(living ? { controllers: simulationControllers(specs) } : {}) });
const nodes = resourceByKey('nodes')!;

let writes: ChildWrite[] = [];
let requests: ChildRequest[] = [];
let gcs: ChildGc[] = [];
const stamp = (kind: WriteKind, name: string, value: string): void => void writes.push({ kind, name, value, at: abs() });
// Published as the parser hands the request to the server, before its 'request' listeners run.
const open = new WeakMap<IncomingMessage, ChildRequest>();
subscribe('http.server.request.start', (m) => {
  const req = (m as { request: IncomingMessage }).request;
  const r: ChildRequest = { method: req.method ?? '', url: req.url ?? '', at: abs(), answered: NaN };
  open.set(req, r);
  requests.push(r);
});
subscribe('http.server.response.finish', (m) => {
  const r = open.get((m as { request: IncomingMessage }).request);
  if (r) r.answered = abs();
});
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ at: performance.timeOrigin + e.startTime, ms: e.duration, kind: ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind ?? 0 });
}).observe({ entryTypes: ['gc'] });

const taintOf = (o: KubeObject): boolean =>
  ((o.spec as { taints?: Array<{ key: string }> } | undefined)?.taints ?? []).some((t) => t.key === OUT_OF_SERVICE);
const tainted = new Set<string>();

twin.store.watch('nodes', undefined, twin.store.resourceVersion(), (ev) => {
  const name = ev.object.metadata.name ?? '';
  if (ev.type === 'DELETED') {
    tainted.delete(name);
    return stamp('delete', name, '');
  }
  for (const [k, v] of Object.entries(ev.object.metadata.annotations ?? {})) if (k.startsWith(LINK_PREFIX)) stamp('annotate', name, `${k}=${v}`);
  const t = taintOf(ev.object);
  if (t && !tainted.has(name)) stamp('taint', name, OUT_OF_SERVICE);
  if (t) tainted.add(name);
  else tainted.delete(name);
});
twin.store.watch('events', undefined, twin.store.resourceVersion(), (ev) => {
  if (ev.type !== 'ADDED') return;
  const o = ev.object as KubeObject & { involvedObject?: { name?: string }; reason?: string };
  stamp('event', o.involvedObject?.name ?? '', o.reason ?? '');
});

process.on('message', (m: ParentMessage) => {
  if (m.op === 'ping') send({ op: 'pong', seq: m.seq, at: abs() });
  if (m.op === 'drain') {
    send({ op: 'drained', writes, requests, gcs });
    writes = [];
    requests = [];
    gcs = [];
  }
  if (m.op === 'restore') {
    // The stage that separated comes back (a lab resets the rig): same names, no taint, as registered at start.
    const now = new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    specs.forEach((spec, i) => {
      if (!twin.store.get('nodes', '', spec.name)) twin.registry.create(nodes, '', nodeObject(spec, i, now));
    });
    send({ op: 'restored' });
  }
  if (m.op === 'stop') void twin.close().then(() => process.exit(0));
});

send({ op: 'ready', kubeconfig: twin.kubeconfig('admin') });
