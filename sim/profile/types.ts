// The typed FlightProfile: what loadProfile returns, every default applied and every time in ms.
// Field names follow the YAML, with units added where a value was converted (`at` → `atMs`).

export type NodeRole = 'worker' | 'control-plane';

/** A CPU quantity as written ("500m") and in millicores. */
export interface CpuQuantity {
  text: string;
  millicores: number;
}

/** A memory quantity as written ("8Gi") and in bytes. */
export interface MemoryQuantity {
  text: string;
  bytes: number;
}

/** A span of mission time in ms: `fromMs` inclusive, `toMs` exclusive. */
export interface Window {
  fromMs: number;
  toMs: number;
}

export interface NodeSpec {
  name: string;
  stage: string;
  role: NodeRole;
  powerBus?: string;
  cpu: CpuQuantity;
  memory: MemoryQuantity;
  maxPods: number;
  /** Every label the Node gets: the profile's plus kis.dev/vehicle, kis.dev/stage, kis.dev/role, kis.dev/power-bus. */
  labels: Record<string, string>;
}

export interface Stage {
  name: string;
  /** 1 = lowest in the stack, first to separate. */
  order: number;
  nodes: NodeSpec[];
}

export interface Battery {
  capacityWh: number;
  initialChargePercent: number;
  /** Undefined: the vehicle model estimates the load from the bus's nodes. */
  loadWatts?: number;
}

export interface Solar {
  peakWatts: number;
  eclipses: Window[];
}

export interface PowerBus {
  name: string;
  nominalVolts: number;
  brownoutVolts: number;
  cutoffVolts: number;
  hysteresisVolts: number;
  battery?: Battery;
  solar?: Solar;
}

export interface GroundStation {
  name: string;
  latencyMs: number;
  windows: Window[];
}

export interface Link {
  name: string;
  kind: 'radio';
  latencyMs: number;
  /** Empty: the link is up all mission (until a linkDown event). */
  groundStations: GroundStation[];
}

export interface AscentStage {
  stage: string;
  dryMassKg: number;
  propellantMassKg: number;
  thrustN: number;
  /** Always set: derived from ispS (thrust / (Isp·g0)) when the profile gives Isp. */
  massFlowKgPerS: number;
  ispS?: number;
  burnStartMs: number;
  burnEndMs: number;
}

export interface Ascent {
  payloadMassKg: number;
  dragAreaM2: number;
  dragCoefficient: number;
  stages: AscentStage[];
}

export interface Vehicle {
  name: string;
  /** Sorted by order. */
  stages: Stage[];
  /** Every node of every stage, in stage order. */
  nodes: NodeSpec[];
  powerBuses: PowerBus[];
  links: Link[];
  ascent?: Ascent;
}

export interface PodStartDelay {
  imagePullMs: number;
  startMs: number;
  readinessMs: number;
  jitterMs: number;
}

export interface ClusterSettings {
  seed: number;
  nodeMonitorGracePeriodMs: number;
  nodeMonitorPeriodMs: number;
  leaseDurationMs: number;
  leaseRenewIntervalMs: number;
  defaultTolerationSeconds: number;
  podStartDelay: PodStartDelay;
  bootDelayMs: number;
  controlPlaneQuorum: boolean;
}

export interface PriorityClass {
  name: string;
  value: number;
  preemptionPolicy: 'PreemptLowerPriority' | 'Never';
  description: string;
}

/** A whole number, or a percentage string such as "50%". */
export type IntOrPercent = number | string;

export type Pdb = { minAvailable: IntOrPercent } | { maxUnavailable: IntOrPercent };

export interface Toleration {
  key: string;
  operator: 'Exists' | 'Equal';
  value: string;
  /** Empty: every effect. */
  effect: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

/** A topology spread constraint on kis.dev/stage. */
export interface Spread {
  topologyKey: 'kis.dev/stage';
  maxSkew: number;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
}

interface WorkloadBase {
  name: string;
  image: string;
  requests: { cpu: CpuQuantity; memory: MemoryQuantity };
  priorityClass?: string;
  pdb?: Pdb;
  spread?: Spread;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  service: boolean;
}

export interface ReplicatedWorkload extends WorkloadBase {
  kind: 'Deployment' | 'StatefulSet';
  replicas: number;
}

export interface DaemonSetWorkload extends WorkloadBase {
  kind: 'DaemonSet';
}

export type Workload = ReplicatedWorkload | DaemonSetWorkload;
export type WorkloadKind = Workload['kind'];

export type NodeFaultKind = 'crash' | 'reboot' | 'partition' | 'heal';

export type TimelineEvent =
  | { event: 'liftoff' }
  | { event: 'maxQ' }
  | { event: 'prepareSeparation'; stage: string }
  | { event: 'separation'; stage: string; planned: boolean }
  | { event: 'powerLevel'; bus: string; volts: number; forMs?: number }
  | { event: 'powerLoss'; bus: string }
  | { event: 'powerRestore'; bus: string }
  | { event: 'linkDown'; link: string }
  | { event: 'linkUp'; link: string; latencyMs: number }
  | { event: 'nodeFault'; node: string; fault: NodeFaultKind }
  | { event: 'rollout'; workload: string; image: string }
  | { event: 'scale'; workload: string; replicas: number }
  | { event: 'phase'; name: string }
  | { event: 'signal'; name: string; data: Record<string, string | number | boolean> };

export type TimelineEventType = TimelineEvent['event'];

export type TimelineEntry = TimelineEvent & {
  atMs: number;
  id?: string;
  /** Position in the profile's timeline list, to point back at the source. */
  index: number;
};

/** A resolved `after`: the mission time, and the timeline id it came from if it named one. */
export interface MissionRef {
  atMs: number;
  eventId?: string;
}

interface ExpectationBase {
  name: string;
  during: 'always' | Window;
  after?: MissionRef;
}

export type Expectation = ExpectationBase &
  (
    | { type: 'minReady'; workload: string; count: number }
    | { type: 'recoverWithin'; workload: string; count: number; withinMs: number; after: MissionRef }
    | { type: 'maxPendingDuration'; durationMs: number; workload?: string }
    | { type: 'serviceAvailable'; workload: string }
    | { type: 'quorumHeld' }
    | { type: 'noPodLost'; priorityClass: string }
  );

export type ExpectationType = Expectation['type'];

export interface Profile {
  apiVersion: 'kis.dev/v1';
  kind: 'FlightProfile';
  metadata: { name: string; description: string };
  /** Earliest mission time: 0, or the first timeline entry if it is before T+0. */
  startMs: number;
  /** Mission end in ms of mission time (default: last timeline entry + 5 min). */
  durationMs: number;
  vehicle: Vehicle;
  cluster: ClusterSettings;
  priorityClasses: PriorityClass[];
  workloads: Workload[];
  /** Sorted by atMs; entries at the same time keep the profile's order. */
  timeline: TimelineEntry[];
  expectations: Expectation[];
}
