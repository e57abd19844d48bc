// Turns a validated profile document into the typed Profile, applying every default.
// Runs only on documents with no errors, so it may trust the shapes the schema guarantees.

import { DEFAULTS, G0 } from './defaults.ts';
import { parseDuration, parseMissionTime } from './duration.ts';
import { missionEnd } from './check-timeline.ts';
import { entryNodeNames, nodeLabels } from './names.ts';
import { toBytes, toMillicores, parseQuantity } from './quantity.ts';
import { list, num, rec, str, strMap, type Raw } from './raw.ts';
import { buildTimeline, buildExpectations } from './build-timeline.ts';
import type {
  Ascent, ClusterSettings, CpuQuantity, Link, MemoryQuantity, NodeSpec, PowerBus, PriorityClass,
  Profile, Stage, Toleration, Vehicle, Window, Workload,
} from './types.ts';

const recs = (v: unknown): Raw[] => list(v).map((x) => rec(x) ?? {});
const ms = (v: unknown, fallback: number): number => parseDuration(v) ?? fallback;
const time = (v: unknown): number => parseMissionTime(v) ?? 0;

function text(v: unknown, fallback: string): string {
  return v === undefined ? fallback : String(v);
}

export function cpu(v: unknown, fallback: string): CpuQuantity {
  const t = text(v, fallback);
  return { text: t, millicores: toMillicores(parseQuantity(v ?? fallback) ?? 0) };
}

export function memory(v: unknown, fallback: string): MemoryQuantity {
  const t = text(v, fallback);
  return { text: t, bytes: toBytes(parseQuantity(v ?? fallback) ?? 0) };
}

export function windows(v: unknown): Window[] {
  return recs(v).map((w) => ({ fromMs: time(w.from), toMs: time(w.to) }));
}

function buildStages(vehicleName: string, raw: Raw[]): Stage[] {
  const stages = raw.map((s, i): Stage => {
    const name = str(s.name) ?? '';
    const nodes = recs(s.nodes).flatMap((entry) => entryNodeNames(entry).map((nodeName): NodeSpec => {
      const bus = str(entry.powerBus);
      return {
        name: nodeName,
        stage: name,
        role: entry.role === 'control-plane' ? 'control-plane' : DEFAULTS.node.role,
        ...(bus !== undefined ? { powerBus: bus } : {}),
        cpu: cpu(entry.cpu, DEFAULTS.node.cpu),
        memory: memory(entry.memory, DEFAULTS.node.memory),
        maxPods: num(entry.maxPods) ?? DEFAULTS.maxPods,
        labels: nodeLabels(vehicleName, name, entry),
      };
    }));
    return { name, order: num(s.order) ?? i + 1, nodes };
  });
  return stages.sort((a, b) => a.order - b.order);
}

function buildBus(b: Raw): PowerBus {
  const battery = rec(b.battery);
  const solar = rec(b.solar);
  return {
    name: str(b.name) ?? '',
    nominalVolts: num(b.nominalVolts) ?? 0,
    brownoutVolts: num(b.brownoutVolts) ?? 0,
    cutoffVolts: num(b.cutoffVolts) ?? 0,
    hysteresisVolts: num(b.hysteresisVolts) ?? DEFAULTS.hysteresisVolts,
    ...(battery ? { battery: {
      capacityWh: num(battery.capacityWh) ?? 0,
      initialChargePercent: num(battery.initialChargePercent) ?? DEFAULTS.initialChargePercent,
      ...(num(battery.loadWatts) !== undefined ? { loadWatts: num(battery.loadWatts) as number } : {}),
    } } : {}),
    ...(solar ? { solar: { peakWatts: num(solar.peakWatts) ?? 0, eclipses: windows(solar.eclipses) } } : {}),
  };
}

function buildLink(l: Raw): Link {
  const latencyMs = num(l.latencyMs) ?? DEFAULTS.linkLatencyMs;
  return {
    name: str(l.name) ?? '',
    kind: 'radio',
    latencyMs,
    groundStations: recs(l.groundStations).map((g) => ({
      name: str(g.name) ?? '',
      latencyMs: num(g.latencyMs) ?? latencyMs,
      windows: windows(g.windows),
    })),
  };
}

function buildAscent(a: Raw): Ascent {
  return {
    payloadMassKg: num(a.payloadMassKg) ?? 0,
    dragAreaM2: num(a.dragAreaM2) ?? DEFAULTS.dragAreaM2,
    dragCoefficient: num(a.dragCoefficient) ?? DEFAULTS.dragCoefficient,
    stages: recs(a.stages).map((s) => {
      const thrustN = num(s.thrustN) ?? 0;
      const ispS = num(s.ispS);
      return {
        stage: str(s.stage) ?? '',
        dryMassKg: num(s.dryMassKg) ?? 0,
        propellantMassKg: num(s.propellantMassKg) ?? 0,
        thrustN,
        massFlowKgPerS: num(s.massFlowKgPerS) ?? (ispS ? thrustN / (ispS * G0) : 0),
        ...(ispS !== undefined ? { ispS } : {}),
        burnStartMs: time(s.burnStart),
        burnEndMs: time(s.burnEnd),
      };
    }),
  };
}

function buildVehicle(v: Raw): Vehicle {
  const name = str(v.name) ?? '';
  const stages = buildStages(name, recs(v.stages));
  const ascent = rec(v.ascent);
  return {
    name,
    stages,
    nodes: stages.flatMap((s) => s.nodes),
    powerBuses: recs(v.powerBuses).map(buildBus),
    links: recs(v.links).map(buildLink),
    ...(ascent ? { ascent: buildAscent(ascent) } : {}),
  };
}

function buildCluster(c: Raw): ClusterSettings {
  const d = rec(c.podStartDelay) ?? {};
  const p = DEFAULTS.podStartDelay;
  return {
    seed: num(c.seed) ?? DEFAULTS.seed,
    nodeMonitorGracePeriodMs: ms(c.nodeMonitorGracePeriod, DEFAULTS.nodeMonitorGracePeriodMs),
    nodeMonitorPeriodMs: ms(c.nodeMonitorPeriod, DEFAULTS.nodeMonitorPeriodMs),
    leaseDurationMs: ms(c.leaseDuration, DEFAULTS.leaseDurationMs),
    leaseRenewIntervalMs: ms(c.leaseRenewInterval, DEFAULTS.leaseRenewIntervalMs),
    defaultTolerationSeconds: num(c.defaultTolerationSeconds) ?? DEFAULTS.defaultTolerationSeconds,
    podStartDelay: {
      imagePullMs: ms(d.imagePull, p.imagePullMs),
      startMs: ms(d.start, p.startMs),
      readinessMs: ms(d.readiness, p.readinessMs),
      jitterMs: ms(d.jitter, p.jitterMs),
    },
    bootDelayMs: ms(c.bootDelay, DEFAULTS.bootDelayMs),
    controlPlaneQuorum: typeof c.controlPlaneQuorum === 'boolean' ? c.controlPlaneQuorum : DEFAULTS.controlPlaneQuorum,
  };
}

function buildPriorityClass(p: Raw): PriorityClass {
  return {
    name: str(p.name) ?? '',
    value: num(p.value) ?? 0,
    preemptionPolicy: p.preemptionPolicy === 'Never' ? 'Never' : 'PreemptLowerPriority',
    description: str(p.description) ?? '',
  };
}

function buildToleration(t: Raw): Toleration {
  return {
    key: str(t.key) ?? '',
    operator: t.operator === 'Exists' ? 'Exists' : 'Equal',
    value: str(t.value) ?? '',
    effect: (str(t.effect) ?? '') as Toleration['effect'],
    ...(num(t.tolerationSeconds) !== undefined ? { tolerationSeconds: num(t.tolerationSeconds) as number } : {}),
  };
}

function buildWorkload(w: Raw): Workload {
  const requests = rec(w.requests) ?? {};
  const pdb = rec(w.pdb);
  const spread = w.spreadAcrossStages;
  const spreadRec = rec(spread);
  const base = {
    name: str(w.name) ?? '',
    image: str(w.image) ?? DEFAULTS.image,
    requests: { cpu: cpu(requests.cpu, DEFAULTS.requests.cpu), memory: memory(requests.memory, DEFAULTS.requests.memory) },
    ...(str(w.priorityClass) !== undefined ? { priorityClass: str(w.priorityClass) as string } : {}),
    ...(pdb ? { pdb: pdb.minAvailable !== undefined ? { minAvailable: pdb.minAvailable as number | string } : { maxUnavailable: pdb.maxUnavailable as number | string } } : {}),
    ...(spread === true || spreadRec ? { spread: {
      topologyKey: 'kis.dev/stage' as const,
      maxSkew: num(spreadRec?.maxSkew) ?? DEFAULTS.spread.maxSkew,
      whenUnsatisfiable: spreadRec?.whenUnsatisfiable === 'ScheduleAnyway' ? 'ScheduleAnyway' as const : DEFAULTS.spread.whenUnsatisfiable,
    } } : {}),
    nodeSelector: strMap(w.nodeSelector),
    tolerations: recs(w.tolerations).map(buildToleration),
    service: w.service === true,
  };
  if (w.kind === 'DaemonSet') return { ...base, kind: 'DaemonSet' };
  return { ...base, kind: w.kind === 'StatefulSet' ? 'StatefulSet' : 'Deployment', replicas: num(w.replicas) ?? DEFAULTS.replicas };
}

export function buildProfile(root: Raw): Profile {
  const metadata = rec(root.metadata) ?? {};
  const vehicle = buildVehicle(rec(root.vehicle) ?? {});
  const durationMs = missionEnd(root);
  const timeline = buildTimeline(recs(root.timeline), vehicle);
  const first = timeline[0]?.atMs ?? 0;
  const workloads = recs(root.workloads).map(buildWorkload);
  return {
    apiVersion: 'kis.dev/v1',
    kind: 'FlightProfile',
    metadata: { name: str(metadata.name) ?? '', description: str(metadata.description) ?? '' },
    startMs: Math.min(0, first),
    durationMs,
    vehicle,
    cluster: buildCluster(rec(root.cluster) ?? {}),
    priorityClasses: recs(root.priorityClasses).map(buildPriorityClass),
    workloads,
    timeline,
    expectations: buildExpectations(recs(root.expectations), timeline),
  };
}
