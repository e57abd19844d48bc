// The Signal union: every flight or lab event, whatever produced it, before hal/wiring decides what it does.
import type { JsonValue } from './json.ts';

/** Where a signal came from. Known sources are listed; device-specific names are allowed. */
export type SignalSource = 'profile' | 'serial' | 'mqtt' | 'instructor' | 'replay' | (string & {});

interface SignalBase {
  readonly source: SignalSource;
  /** Mission time in ms at which the event happened (not when it was processed). */
  readonly t: number;
  /** Optional id for tracing a signal to the actions it caused (e.g. "ser0:1234"). */
  readonly id?: string;
}

/**
 * A separation plane changed state. Serial sources emit this only after debounce and voting, so
 * `switchId` is set only when a single switch decided it (a one-switch plane, or a profile).
 */
export interface SeparationSignal extends SignalBase {
  readonly type: 'separation';
  /** The separation plane (e.g. "s1-s2"). */
  readonly plane: string;
  /** The stage that leaves the vehicle when this plane separates, when the source knows it. */
  readonly stage?: string;
  readonly switchId?: string;
  readonly state: 'separated' | 'attached';
}

/** A power-bus voltage reading. Millivolts keep journals free of float rounding noise. */
export interface PowerSignal extends SignalBase {
  readonly type: 'power';
  readonly bus: string;
  readonly millivolts: number;
}

/** A bus (or a single node's feed, when `node` is set) was cut or restored. */
export interface PowerStateSignal extends SignalBase {
  readonly type: 'power-state';
  readonly bus: string;
  readonly node?: string;
  readonly state: 'lost' | 'restored';
}

export interface LinkSignal extends SignalBase {
  readonly type: 'link';
  readonly link: string;
  readonly state: 'up' | 'down';
  /** One-way latency when the emulator reports it. */
  readonly latencyMs?: number;
}

export interface HeartbeatSignal extends SignalBase {
  readonly type: 'heartbeat';
  readonly box: string;
  readonly seq: number;
}

/** The arm/safe key of a switch box (or the instructor's console). */
export interface ArmSignal extends SignalBase {
  readonly type: 'arm';
  readonly state: 'armed' | 'safe';
  readonly box?: string;
}

export const NODE_FAULTS = ['crash', 'reboot', 'partition', 'heal'] as const;
export type NodeFault = (typeof NODE_FAULTS)[number];

export interface NodeFaultSignal extends SignalBase {
  readonly type: 'node-fault';
  readonly node: string;
  readonly fault: NodeFault;
}

export interface RolloutSignal extends SignalBase {
  readonly type: 'rollout';
  /** Deployment name; `namespace` defaults to the run's namespace. */
  readonly workload: string;
  readonly namespace?: string;
  readonly container?: string;
  readonly image: string;
}

export interface ScaleSignal extends SignalBase {
  readonly type: 'scale';
  readonly workload: string;
  readonly namespace?: string;
  readonly replicas: number;
}

export interface CustomSignal extends SignalBase {
  readonly type: 'custom';
  readonly name: string;
  readonly data: JsonValue;
}

export type Signal =
  | SeparationSignal
  | PowerSignal
  | PowerStateSignal
  | LinkSignal
  | HeartbeatSignal
  | ArmSignal
  | NodeFaultSignal
  | RolloutSignal
  | ScaleSignal
  | CustomSignal;

export type SignalType = Signal['type'];

export const SIGNAL_TYPES: readonly SignalType[] = [
  'separation',
  'power',
  'power-state',
  'link',
  'heartbeat',
  'arm',
  'node-fault',
  'rollout',
  'scale',
  'custom',
];
