// Builds the immutable NodeView / PodView / BusView values from cluster data and signals.
import type { BusState, BusView, JournalLayout, NodeView, PodPhase, PodView } from './types.ts';

/** Copied from hal/signals/conventions.ts (web/ imports only types from hal/signals). */
const LABEL_STAGE = 'kis.dev/stage';
const LABEL_POWER_BUS = 'kis.dev/power-bus';
const POD_PHASES: ReadonlySet<string> = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', 'Terminating']);
const NO_TAINTS: readonly string[] = Object.freeze([]);
const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze({});

/** Where the layout puts a node (stage, bus, role), when it does. */
export interface NodePlace {
  readonly stage?: string;
  readonly bus?: string;
  readonly role?: 'worker' | 'control-plane';
}

export function placesOf(layout: JournalLayout): Map<string, NodePlace> {
  const out = new Map<string, NodePlace>();
  for (const s of layout.stages) for (const n of s.nodes) out.set(n.name, { stage: s.name, role: n.role, ...(n.bus ? { bus: n.bus } : {}) });
  return out;
}

type Data = Readonly<Record<string, unknown>>;

/**
 * A node from a cluster record's data (NodeRecordData). A field the data leaves out keeps its
 * previous value, so a writer may send only what changed. Returns `prev` itself when nothing visible
 * changed, so the scene (which diffs by identity) redraws nothing.
 */
export function nodeView(name: string, data: Data | undefined, prev: NodeView | undefined, place: NodePlace | undefined): NodeView {
  const d = data ?? {};
  const labels = strMap(d.labels) ?? prev?.labels ?? NO_STRINGS;
  const role = d.role === 'control-plane' || d.role === 'worker' ? d.role : (prev?.role ?? place?.role ?? 'worker');
  const stage = place?.stage ?? str(d.stage) ?? str(labels[LABEL_STAGE]) ?? prev?.stage;
  const bus = place?.bus ?? str(d.bus) ?? str(labels[LABEL_POWER_BUS]) ?? prev?.bus;
  const next: NodeView = {
    name,
    ...(stage !== undefined ? { stage } : {}),
    role,
    ...(bus !== undefined ? { bus } : {}),
    ready: d.ready === 'True' || d.ready === 'False' || d.ready === 'Unknown' ? d.ready : (prev?.ready ?? 'Unknown'),
    power: d.power === 'on' || d.power === 'off' ? d.power : (prev?.power ?? 'on'),
    attached: typeof d.attached === 'boolean' ? d.attached : (prev?.attached ?? true),
    unschedulable: typeof d.unschedulable === 'boolean' ? d.unschedulable : (prev?.unschedulable ?? false),
    taints: Array.isArray(d.taints) ? sortedStrings(d.taints) : (prev?.taints ?? NO_TAINTS),
    labels,
    conditions: strMap(d.conditions) ?? prev?.conditions ?? NO_STRINGS,
    present: true,
  };
  return prev && sameNode(prev, next) ? prev : next;
}

/** The node once its object is deleted: kept, not present, for the scene's leaving animation. */
export function deletedNodeView(name: string, prev: NodeView | undefined, place: NodePlace | undefined): NodeView {
  const base = prev ?? nodeView(name, undefined, undefined, place);
  return base.present ? { ...base, present: false } : base;
}

export function podKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/**
 * podKey, built once per pod and handed out again: a one-hour journal has ~25 records per pod, and a key
 * concatenated afresh for each is a rope to flatten and hash before every map lookup (~10% of indexing).
 */
export class PodKeys {
  private readonly byNamespace = new Map<string, Map<string, string>>();

  of(namespace: string | undefined, name: string): string {
    const ns = namespace ?? '';
    let names = this.byNamespace.get(ns);
    if (names === undefined) this.byNamespace.set(ns, (names = new Map()));
    let key = names.get(name);
    if (key === undefined) names.set(name, (key = podKey(ns, name)));
    return key;
  }
}

/**
 * A pod from a cluster record's data (PodRecordData); like nodeView, missing fields keep their value.
 * The hottest path of a load (most records are pod changes): compared before building, and built with
 * one fixed shape (absent fields as undefined) so V8 keeps it monomorphic.
 */
export function podView(name: string, namespace: string | undefined, data: Data | undefined, prev: PodView | undefined, key?: string): PodView {
  const d = data ?? {};
  const node = str(d.node) ?? prev?.node;
  const workload = str(d.workload) ?? prev?.workload;
  const priorityClass = str(d.priorityClass) ?? prev?.priorityClass;
  const phase: PodPhase = typeof d.phase === 'string' ? (POD_PHASES.has(d.phase) ? (d.phase as PodPhase) : 'Unknown') : (prev?.phase ?? 'Pending');
  const ready = typeof d.ready === 'boolean' ? d.ready : (prev?.ready ?? false);
  const restarts = typeof d.restarts === 'number' ? d.restarts : (prev?.restarts ?? 0);
  if (prev && prev.node === node && prev.phase === phase && prev.ready === ready && prev.workload === workload && prev.priorityClass === priorityClass && prev.restarts === restarts) {
    return prev;
  }
  const ns = namespace ?? '';
  return { key: prev?.key ?? key ?? podKey(ns, name), name, namespace: ns, node, phase, ready, workload, priorityClass, restarts };
}
export interface BusThresholds {
  readonly brownoutVolts: number;
  readonly cutoffVolts: number;
}

/**
 * The bus after a voltage reading. Same rule as sim/vehicle/bus-level.ts nextBusLevel (strictly below
 * a threshold), without its hysteresis: the layout does not carry it. A bus cut by a power-state
 * signal stays 'lost' until restored, whatever it reads.
 */
export function busAfterReading(name: string, millivolts: number, th: BusThresholds | undefined, prev: BusView | undefined): BusView {
  const volts = millivolts / 1000;
  const state: BusState = prev?.state === 'lost' ? 'lost' : levelOf(volts, th);
  return { name, volts, state };
}

export function busAfterPowerState(name: string, state: 'lost' | 'restored', th: BusThresholds | undefined, prev: BusView | undefined): BusView {
  const volts = prev?.volts;
  const next: BusState = state === 'lost' ? 'lost' : volts === undefined ? 'nominal' : levelOf(volts, th);
  return { name, ...(volts !== undefined ? { volts } : {}), state: next };
}

function levelOf(volts: number, th: BusThresholds | undefined): BusState {
  if (!th) return 'nominal';
  return volts < th.cutoffVolts ? 'cutoff' : volts < th.brownoutVolts ? 'brownout' : 'nominal';
}

function sameNode(a: NodeView, b: NodeView): boolean {
  return (
    a.stage === b.stage &&
    a.role === b.role &&
    a.bus === b.bus &&
    a.ready === b.ready &&
    a.power === b.power &&
    a.attached === b.attached &&
    a.unschedulable === b.unschedulable &&
    a.present === b.present &&
    sameList(a.taints, b.taints) &&
    sameMap(a.labels, b.labels) &&
    sameMap(a.conditions, b.conditions)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function sameMap(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function sortedStrings(v: readonly unknown[]): readonly string[] {
  return v.length === 0 ? NO_TAINTS : v.filter((x): x is string => typeof x === 'string').sort();
}

function strMap(v: unknown): Readonly<Record<string, string>> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
