// The vehicle's layout: the header's when the writer recorded one, else derived from the records (older journals).
import type { JournalHeader, JournalLayout, JournalRecord } from './types.ts';

type Stage = JournalLayout['stages'][number];
type Node = Stage['nodes'][number];

/** Copied from hal/signals/conventions.ts LABEL_STAGE / LABEL_POWER_BUS. */
const LABEL_STAGE = 'kis.dev/stage';
const LABEL_POWER_BUS = 'kis.dev/power-bus';
/** The one stage of an older journal whose nodes say nothing about stages. */
export const DEFAULT_STAGE = 'vehicle';

/** Stage actions whose applied `detail` lists the stage's nodes ("detach-stage on a, b"). */
const STAGE_DETAIL = /^[a-z-]+ on (.+)$/;

/**
 * The header's layout, or one derived from the records for journals written before layouts existed:
 * stages from node data `stage`, else the kis.dev/stage label, else the nodes an applied stage action
 * named in its detail (the only place older journals say which stage a node was on), else one stage
 * "vehicle". Buses and links come from the signals and telemetry channels that name them; bus
 * thresholds are unknown there (0), so their state follows power-state signals only.
 */
export function layoutOf(header: JournalHeader, records: readonly JournalRecord[]): JournalLayout {
  if (header.layout) return header.layout;
  return deriveLayout(records);
}

export function deriveLayout(records: readonly JournalRecord[]): JournalLayout {
  const nodes = new Map<string, { role: Node['role']; stage?: string; bus?: string }>();
  const fromActions = new Map<string, string>();
  const buses = new Set<string>();
  const links = new Set<string>();
  const workloads = new Set<string>();
  const phases: { t: number; name: string }[] = [];
  let start = Infinity;
  let end = -Infinity;
  for (const r of records) {
    if (r.t < start) start = r.t;
    if (r.t > end) end = r.t;
    if (r.kind === 'cluster' && r.resource === 'nodes' && r.op !== 'deleted') {
      const d = (r.data ?? {}) as { role?: unknown; stage?: unknown; bus?: unknown; labels?: Record<string, string> };
      const prev = nodes.get(r.name);
      const stage = str(d.stage) ?? str(d.labels?.[LABEL_STAGE]) ?? prev?.stage;
      const bus = str(d.bus) ?? str(d.labels?.[LABEL_POWER_BUS]) ?? prev?.bus;
      nodes.set(r.name, { role: d.role === 'control-plane' ? 'control-plane' : (prev?.role ?? 'worker'), stage, bus });
    } else if (r.kind === 'cluster' && r.resource === 'pods') {
      const w = str((r.data as { workload?: unknown } | undefined)?.workload);
      if (w) workloads.add(w);
    } else if (r.kind === 'action' && r.status === 'applied' && r.detail) {
      const stage = stageOfAction(r.action as unknown as Record<string, unknown>);
      const m = STAGE_DETAIL.exec(r.detail);
      if (stage && m) for (const n of m[1]!.split(', ')) if (!fromActions.has(n)) fromActions.set(n, stage);
    } else if (r.kind === 'signal') {
      const s = r.signal;
      if (s.type === 'power' || s.type === 'power-state') buses.add(s.bus);
      else if (s.type === 'link') links.add(s.link);
      else if (s.type === 'custom' && s.name === 'flight-phase') {
        const p = phaseName(s.data);
        if (p) phases.push({ t: r.t, name: p });
      }
    } else if (r.kind === 'telemetry') {
      if (r.channel.startsWith('bus/')) buses.add(r.channel.slice(4));
      else if (r.channel.startsWith('link/')) links.add(r.channel.slice(5));
    }
  }
  const byStage = new Map<string, Node[]>();
  for (const [name, n] of nodes) {
    const stage = n.stage ?? fromActions.get(name) ?? DEFAULT_STAGE;
    let list = byStage.get(stage);
    if (!list) byStage.set(stage, (list = []));
    list.push({ name, role: n.role, ...(n.bus ? { bus: n.bus } : {}), cpuMillicores: 0, memoryBytes: 0 });
  }
  // Stages that separate (named by actions) go first: the bottom of the stack separates first.
  const names = [...byStage.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  function rank(s: string): number {
    return s === DEFAULT_STAGE ? 1 : 0;
  }
  const stages: Stage[] = names.map((name, i) => ({ name, order: i + 1, nodes: byStage.get(name)! }));
  return {
    startMs: Number.isFinite(start) ? start : 0,
    durationMs: Number.isFinite(end) ? end - start : 0,
    stages,
    buses: [...buses].map((name) => ({ name, nominalVolts: 0, brownoutVolts: 0, cutoffVolts: 0 })),
    links: [...links].map((name) => ({ name, groundStations: [] })),
    workloads: [...workloads].map((name) => ({ name, kind: 'Deployment' as const })),
    expectations: [],
    phases,
  };
}

export function stageOfAction(a: Record<string, unknown>): string | undefined {
  if (typeof a.stage === 'string') return a.stage;
  const target = a.target as { by?: unknown; name?: unknown } | undefined;
  return target?.by === 'stage' && typeof target.name === 'string' ? target.name : undefined;
}

export function phaseName(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return str((data as { phase?: unknown }).phase);
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
