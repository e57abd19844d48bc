// A deterministic synthetic journal of any size (header.layout, nodes, pods, separation, brownout, link loss,
// telemetry, events) for the web view's load and frame benches. Node-free: the scene's bench can run it in a page.
import type { JournalHeader, JournalLayout, JournalRecord } from '../../hal/signals/index.ts';

export interface SyntheticJournalOptions {
  readonly nodes: number;
  readonly pods: number;
  /** At least 1; stage 1 (bottom) separates at a quarter of the mission when there are two or more. */
  readonly stages: number;
  readonly durationMs: number;
  readonly seed: number;
  /** Pod readiness flaps per second (each is two records); default pods / 300, which makes a one-hour
   * journal of the large profile (~520 nodes, ~10.5k pods) a few hundred thousand records. */
  readonly churnPerSecond?: number;
}

const NS = 'kis-synth';
const START_MS = -60_000;
const LINK = 's-band';

interface PodState {
  name: string;
  workload: string;
  node: string;
  restarts: number;
  priorityClass: string;
}

/** NDJSON text: a header line with a layout, then records in time order (expect verdicts last, as a run writes them). */
export function syntheticJournal(o: SyntheticJournalOptions): string {
  return syntheticRecords(o)
    .map((e) => JSON.stringify(e))
    .join('\n')
    .concat('\n');
}

/** The same journal as values: the header first. */
export function syntheticRecords(o: SyntheticJournalOptions): [JournalHeader, ...JournalRecord[]] {
  const rand = mulberry32(o.seed);
  const stageCount = Math.max(1, Math.floor(o.stages));
  const stageNames = Array.from({ length: stageCount }, (_, i) => `s${i + 1}`);
  const nodeNames: string[][] = stageNames.map(() => []);
  for (let i = 0; i < Math.max(1, o.nodes); i++) nodeNames[i % stageCount]!.push(`${stageNames[i % stageCount]}-n${Math.floor(i / stageCount) + 1}`);
  const top = nodeNames[stageCount - 1]!;
  const isCp = (n: string): boolean => top.indexOf(n) > -1 && top.indexOf(n) < 3;
  const workloadCount = Math.max(1, Math.round(o.pods / 50));
  const workloads = Array.from({ length: workloadCount }, (_, i) => `wl-${i + 1}`);
  const sepT = stageCount > 1 ? Math.round(o.durationMs / 4) : undefined;
  const brownT = Math.round(o.durationMs / 2);
  const lossT = Math.round(o.durationMs * 0.6);
  const layout: JournalLayout = {
    startMs: START_MS,
    durationMs: o.durationMs - START_MS,
    stages: stageNames.map((name, i) => ({
      name,
      order: i + 1,
      massKg: 1000 * (stageCount - i),
      nodes: nodeNames[i]!.map((n) => ({ name: n, role: isCp(n) ? ('control-plane' as const) : ('worker' as const), bus: `${name}-bus`, cpuMillicores: 4000, memoryBytes: 8 * 2 ** 30 })),
    })),
    buses: stageNames.map((s) => ({ name: `${s}-bus`, nominalVolts: 28, brownoutVolts: 24, cutoffVolts: 20 })),
    links: [{ name: LINK, groundStations: ['gs-1', 'gs-2'] }],
    workloads: workloads.map((name, i) => ({ name, kind: 'Deployment' as const, replicas: Math.ceil(o.pods / workloadCount), priorityClass: i % 3 === 0 ? 'flight-critical' : 'payload' })),
    expectations: [
      { name: 'flight-critical-available', type: 'availability' },
      { name: 'separation-recovers', type: 'recovery' },
    ],
    phases: [
      { t: START_MS, name: 'terminal-count' },
      { t: 0, name: 'liftoff' },
      { t: Math.min(70_000, o.durationMs), name: 'max-q' },
      ...(sepT !== undefined ? [{ t: sepT, name: 'stage-separation' }] : []),
    ],
  };
  const header: JournalHeader = { kind: 'header', format: 'kis-journal', version: 1, clock: 'lockstep', profile: 'synthetic', vehicle: 'synth', seed: o.seed, layout };
  const out: JournalRecord[] = [];
  const alive = new Map<string, string[]>(); // node → pod names on it
  const pods = new Map<string, PodState>();
  const live = nodeNames.flat();
  const nodeData = (stage: string, n: string, extra: Record<string, unknown> = {}): JournalRecord => ({
    t: START_MS,
    kind: 'cluster',
    op: 'added',
    resource: 'nodes',
    name: n,
    data: {
      attached: true, power: 'on', ready: 'True', role: isCp(n) ? 'control-plane' : 'worker', taints: [], unschedulable: false, stage, bus: `${stage}-bus`,
      labels: { 'kis.dev/stage': stage, 'kis.dev/power-bus': `${stage}-bus`, 'kis.dev/vehicle': 'synth' },
      conditions: { MemoryPressure: 'False', DiskPressure: 'False', PIDPressure: 'False' },
      ...extra,
    },
  } as JournalRecord);
  stageNames.forEach((s, i) => nodeNames[i]!.forEach((n) => out.push(nodeData(s, n))));
  let podSeq = 0;
  const podRecord = (t: number, op: 'added' | 'modified' | 'deleted', p: PodState, data: Record<string, unknown>): JournalRecord =>
    ({ t, kind: 'cluster', op, resource: 'pods', name: p.name, namespace: NS, data: { workload: p.workload, priorityClass: p.priorityClass, restarts: p.restarts, ...data } }) as JournalRecord;
  const createPod = (t: number, workload: string, candidates: readonly string[]): void => {
    const node = candidates[Math.floor(rand() * candidates.length)]!;
    const p: PodState = { name: `${workload}-${suffix(rand)}-${(podSeq++).toString(36)}`, workload, node, restarts: 0, priorityClass: workloads.indexOf(workload) % 3 === 0 ? 'flight-critical' : 'payload' };
    pods.set(p.name, p);
    (alive.get(node) ?? alive.set(node, []).get(node)!).push(p.name);
    out.push(podRecord(t, 'added', p, { phase: 'Pending', ready: false }));
    out.push(podRecord(t, 'modified', p, { phase: 'Pending', ready: false, node }));
    if (rand() < 0.05) out.push(event(t, 'Normal', 'Scheduled', `Successfully assigned ${NS}/${p.name} to ${node}`, 'Pod', p.name));
    const up = t + 1000 + Math.floor(rand() * 20) * 1000;
    out.push(podRecord(up, 'modified', p, { phase: 'Running', ready: true, node }));
  };
  for (let i = 0; i < o.pods; i++) createPod(START_MS + Math.floor(i / Math.max(1, o.pods / 30)) * 1000, workloads[i % workloadCount]!, live);
  // Churn picks among the first pods (a separated one is skipped) until the separation's replacements run.
  let names = [...pods.keys()];

  const signal = (t: number, s: Record<string, unknown>): JournalRecord => ({ t, kind: 'signal', signal: { t, source: 'profile', ...s } }) as JournalRecord;
  for (const ph of layout.phases) out.push(signal(ph.t, { type: 'custom', name: 'flight-phase', data: { phase: ph.name } }));
  for (const s of stageNames) out.push(signal(START_MS, { type: 'power', bus: `${s}-bus`, millivolts: 28000 }));
  out.push(signal(START_MS, { type: 'link', link: LINK, state: 'up', latencyMs: 20 }));

  if (sepT !== undefined) {
    const gone = nodeNames[0]!;
    const goneSet = new Set(gone);
    live.splice(0, live.length, ...live.filter((n) => !goneSet.has(n)));
    out.push(signal(sepT, { type: 'separation', plane: 's1-s2', stage: 's1', state: 'separated', id: 'profile:separation' }));
    const action = { type: 'detach-stage', stage: 's1', cause: 'profile:separation' };
    out.push({ t: sepT, kind: 'action', action, status: 'decided' } as JournalRecord);
    out.push({ t: sepT, kind: 'action', action, status: 'applied', detail: `detach-stage on ${gone.join(', ')}` } as JournalRecord);
    for (const n of gone) {
      out.push(event(sepT, 'Warning', 'StageSeparated', 'stage s1 separated at plane s1-s2', 'Node', n));
      out.push({ ...nodeData('s1', n, { attached: false, ready: 'Unknown', taints: ['node.kubernetes.io/out-of-service:NoExecute'] }), t: sepT + 500, op: 'modified' } as JournalRecord);
      out.push({ t: sepT + 1000, kind: 'cluster', op: 'deleted', resource: 'nodes', name: n } as JournalRecord);
      for (const name of alive.get(n) ?? []) {
        const p = pods.get(name)!;
        out.push(podRecord(sepT + 1000, 'modified', p, { phase: 'Terminating', ready: false, node: n, lost: true }));
        out.push(podRecord(sepT + 1500, 'deleted', p, { phase: 'Terminating', ready: false, node: n, lost: true }));
        pods.delete(name);
        createPod(sepT + 2000 + Math.floor(rand() * 10) * 1000, p.workload, live);
      }
      alive.delete(n);
    }
  }

  // Brownout on the top stage's bus: below 24 V for two minutes, taint and untaint its nodes.
  const bus = `${stageNames[stageCount - 1]}-bus`;
  const topStage = stageNames[stageCount - 1]!;
  out.push(signal(brownT, { type: 'power', bus, millivolts: 23100 }));
  out.push({ t: brownT, kind: 'action', action: { type: 'brownout-taint', target: { by: 'power-bus', name: bus } }, status: 'applied', detail: `brownout-taint on ${top.join(', ')}` } as JournalRecord);
  out.push(signal(brownT + 120_000, { type: 'power', bus, millivolts: 27900 }));
  out.push({ t: brownT + 120_000, kind: 'action', action: { type: 'brownout-untaint', target: { by: 'power-bus', name: bus } }, status: 'applied', detail: `brownout-untaint on ${top.join(', ')}` } as JournalRecord);
  for (const n of top) {
    out.push({ ...nodeData(topStage, n, { taints: ['kis.dev/power:NoSchedule'] }), t: brownT + 100, op: 'modified' } as JournalRecord);
    out.push({ ...nodeData(topStage, n), t: brownT + 120_100, op: 'modified' } as JournalRecord);
  }
  out.push(event(brownT, 'Warning', 'PowerBrownout', `bus ${bus} at 23.1 V`, 'Node', top[0]!));
  // Link loss for five minutes.
  out.push(signal(lossT, { type: 'link', link: LINK, state: 'down' }));
  out.push(signal(lossT + 300_000, { type: 'link', link: LINK, state: 'up', latencyMs: 35 }));

  // Telemetry at 1 Hz and readiness churn.
  const churn = o.churnPerSecond ?? Math.round(o.pods / 300);
  for (let t = START_MS; t <= o.durationMs; t += 1000) {
    const flying = Math.max(0, t) / 1000;
    out.push({ t, kind: 'telemetry', channel: 'vehicle', values: { altitudeM: Math.round(flying * flying * 5), velocityMps: Math.round(flying * 10), massKg: Math.max(500, 20000 - flying * 20) } } as JournalRecord);
    for (const s of stageNames) {
      if (sepT !== undefined && s === 's1' && t > sepT) continue;
      const volts = s === topStage.replace('-bus', '') && t >= brownT && t < brownT + 120_000 ? 23.1 : 28 - rand() * 0.05;
      out.push({ t, kind: 'telemetry', channel: `bus/${s}-bus`, values: { volts: Math.round(volts * 1000) / 1000, loadWatts: 40 * nodeNames[0]!.length } } as JournalRecord);
    }
    const up = t < lossT || t >= lossT + 300_000;
    out.push({ t, kind: 'telemetry', channel: `link/${LINK}`, values: { up: up ? 1 : 0, latencyMs: up ? 20 : 0 } } as JournalRecord);
    if (sepT !== undefined && t === Math.ceil(sepT / 1000) * 1000 + 30_000) names = [...pods.keys()];
    if (t <= 30_000) continue;
    for (let k = 0; k < churn; k++) {
      const p = pods.get(names[Math.floor(rand() * names.length)]!);
      if (!p) continue;
      p.restarts++;
      out.push(podRecord(t, 'modified', p, { phase: 'Running', ready: false, node: p.node }));
      out.push(podRecord(t + 1000, 'modified', p, { phase: 'Running', ready: true, node: p.node }));
      if (rand() < 0.02) out.push(event(t, 'Warning', 'BackOff', 'Back-off restarting failed container', 'Pod', p.name));
    }
  }
  out.sort((a, b) => a.t - b.t);
  out.push({ t: sepT ?? 0, kind: 'expect', name: 'separation-recovers', status: 'pass', message: 'all replicas back within 30 s' } as JournalRecord);
  out.push({ t: brownT, kind: 'expect', name: 'flight-critical-available', status: 'fail', message: 'flight-critical below 100% for 2 s' } as JournalRecord);
  return [header, ...out];

  function event(t: number, type: 'Normal' | 'Warning', reason: string, message: string, kind: 'Node' | 'Pod', name: string): JournalRecord {
    return {
      t, kind: 'cluster', op: 'added', resource: 'events', name: `${name}.${(podSeq++).toString(16)}`, namespace: kind === 'Pod' ? NS : 'default',
      data: { type, reason, message, involved: { kind, name, ...(kind === 'Pod' ? { namespace: NS } : {}) } },
    } as JournalRecord;
  }
}

function suffix(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += 'bcdfghjklmnpqrstvwxz2456789'[Math.floor(rand() * 27)];
  return s;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same journal everywhere. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
