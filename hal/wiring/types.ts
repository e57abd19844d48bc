// The typed wiring: what a lab's switches, topics and thresholds mean, and what each signal does.
// Units are in the field names (ms, millivolts) so nothing downstream converts again.
import type { Action } from '../signals/index.ts';

export type { ArmMode, VotePolicy } from '../signals/index.ts';
import type { ArmMode, VotePolicy } from '../signals/index.ts';
/** planned: drain the stage first (unless already drained), then detach. unplanned: detach at once. */
export type SeparationMode = 'planned' | 'unplanned';

export interface PlaneWiring {
  readonly plane: string;
  /** The stage that leaves the vehicle when this plane separates. */
  readonly stage: string;
  readonly switches: readonly string[];
  /** all: 2-of-2 / 3-of-3; majority: 2-of-3; any: 1-of-2 confirms (the disagreement alarm still sounds). */
  readonly policy: VotePolicy;
  readonly agreementWindowMs: number;
  readonly separation: SeparationMode;
}

export interface SerialBoxWiring {
  readonly box: string;
  readonly debounceMs: number;
  readonly heartbeatTimeoutMs: number;
  readonly planes: readonly PlaneWiring[];
}

export const MQTT_SIGNAL_TYPES = ['separation', 'power', 'power-state', 'link', 'node-fault', 'scale', 'rollout', 'arm', 'custom'] as const;
export type MqttSignalType = (typeof MQTT_SIGNAL_TYPES)[number];

export interface MqttTopicWiring {
  /** MQTT topic filter (`+` and `#` allowed), e.g. kis/falcon9/signal/power/s1-bus. */
  readonly topic: string;
  readonly signal: MqttSignalType;
  /** The bus, link, plane, node or workload the topic reports on, when the payload does not say. */
  readonly id?: string;
}

export interface PowerBusWiring {
  readonly bus: string;
  /** Below this the bus is browned out: taint its nodes, shed low-priority pods. */
  readonly brownoutMillivolts: number;
  /** Below this the nodes are powered off. */
  readonly cutoffMillivolts: number;
  /** A level is left only when the voltage climbs this far back above its threshold. */
  readonly hysteresisMillivolts: number;
}

export interface LinkWiring {
  readonly link: string;
  /** Stages whose nodes sit behind the link; empty means every stage of the vehicle. */
  readonly stages: readonly string[];
}

export interface Wiring {
  readonly vehicle: string;
  /** Every stage of the vehicle, in stack order (for link targets and checks). */
  readonly stages: readonly string[];
  readonly arming: ArmMode;
  /** On brownout, evict pods whose priority is strictly below this; undefined: shed nothing. */
  readonly shedBelowPriority?: number;
  readonly serial: readonly SerialBoxWiring[];
  readonly mqtt: readonly MqttTopicWiring[];
  readonly power: readonly PowerBusWiring[];
  readonly links: readonly LinkWiring[];
  /** Custom signal name → the actions it triggers (a physical switch that starts an application). */
  readonly commands: Readonly<Record<string, readonly Action[]>>;
}

export const WIRING_DEFAULTS = {
  // upstream-free: kis's own defaults, as ARCHITECTURE.md and issue 5 give them.
  debounceMs: 20,
  heartbeatTimeoutMs: 1000,
  agreementWindowMs: 50,
  policy: 'all' as VotePolicy,
  separation: 'unplanned' as SeparationMode,
  hysteresisVolts: 0.5,
  arming: 'key' as ArmMode,
} as const;
