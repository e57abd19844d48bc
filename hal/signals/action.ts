// The Action union: what hal/wiring decides and hal/cluster executes, one Kubernetes intent each.
import type { EventReason, EventType } from './conventions.ts';

/**
 * Which nodes an action applies to. hal/cluster resolves it through the labels in conventions.ts
 * (kis.dev/stage, kis.dev/power-bus) and its scope guard (only nodes of its own vehicle).
 */
export interface NodeTarget {
  readonly by: 'node' | 'stage' | 'power-bus';
  readonly name: string;
}

interface ActionBase {
  /** Id of the signal that caused this action, for the journal and the Events' messages. */
  readonly cause?: string;
}

/** Planned separation, first step: no new pods on the stage. */
export interface CordonStageAction extends ActionBase {
  readonly type: 'cordon-stage';
  readonly stage: string;
}

/** Planned separation: evict the stage's pods through the Eviction API (PDBs respected). */
export interface DrainStageAction extends ActionBase {
  readonly type: 'drain-stage';
  readonly stage: string;
}

/** The stage has left: out-of-service taint, attached=false annotation, then delete its nodes. */
export interface DetachStageAction extends ActionBase {
  readonly type: 'detach-stage';
  readonly stage: string;
}

export interface BrownoutTaintAction extends ActionBase {
  readonly type: 'brownout-taint';
  readonly target: NodeTarget;
}

export interface BrownoutUntaintAction extends ActionBase {
  readonly type: 'brownout-untaint';
  readonly target: NodeTarget;
}

/** Load shedding: evict pods whose priority is strictly below `belowPriority`. */
export interface ShedPodsAction extends ActionBase {
  readonly type: 'shed-pods';
  readonly target: NodeTarget;
  readonly belowPriority: number;
}

export interface PowerOffAction extends ActionBase {
  readonly type: 'power-off';
  readonly target: NodeTarget;
}

export interface PowerOnAction extends ActionBase {
  readonly type: 'power-on';
  readonly target: NodeTarget;
}

export interface LinkLostAction extends ActionBase {
  readonly type: 'link-lost';
  readonly link: string;
  readonly target: NodeTarget;
}

export interface LinkAcquiredAction extends ActionBase {
  readonly type: 'link-acquired';
  readonly link: string;
  readonly target: NodeTarget;
}

/** Sets (or clears) the sim.kis.dev/fault annotation the twin's kubelets obey. */
export interface NodeFaultAction extends ActionBase {
  readonly type: 'node-fault';
  readonly target: NodeTarget;
  readonly fault: 'crash' | 'partition' | 'clear';
}

export interface ScaleWorkloadAction extends ActionBase {
  readonly type: 'scale-workload';
  readonly workload: string;
  readonly namespace?: string;
  readonly replicas: number;
}

export interface RolloutImageAction extends ActionBase {
  readonly type: 'rollout-image';
  readonly workload: string;
  readonly namespace?: string;
  readonly container?: string;
  readonly image: string;
}

/** A null value removes the key (strategic-merge-patch semantics). */
export interface LabelNodeAction extends ActionBase {
  readonly type: 'label-node';
  readonly target: NodeTarget;
  readonly labels: Readonly<Record<string, string | null>>;
}

export interface AnnotateNodeAction extends ActionBase {
  readonly type: 'annotate-node';
  readonly target: NodeTarget;
  readonly annotations: Readonly<Record<string, string | null>>;
}

export interface EmitEventAction extends ActionBase {
  readonly type: 'emit-event';
  readonly target: NodeTarget;
  readonly reason: EventReason;
  readonly eventType: EventType;
  readonly message: string;
}

export type AlarmKind =
  | 'box-fault'
  | 'switch-disagreement'
  | 'scope-violation'
  | 'unknown-switch'
  | 'frame-errors'
  | 'refused-safe'
  | (string & {});

/** An operator-facing alarm (MQTT kis/<vehicle>/alerts, the status line, the web log). */
export interface AlarmAction extends ActionBase {
  readonly type: 'alarm';
  readonly alarm: AlarmKind;
  readonly state: 'raised' | 'cleared';
  /** What the alarm is about: a box, a plane, a node. */
  readonly subject: string;
  readonly message: string;
}

export type Action =
  | CordonStageAction
  | DrainStageAction
  | DetachStageAction
  | BrownoutTaintAction
  | BrownoutUntaintAction
  | ShedPodsAction
  | PowerOffAction
  | PowerOnAction
  | LinkLostAction
  | LinkAcquiredAction
  | NodeFaultAction
  | ScaleWorkloadAction
  | RolloutImageAction
  | LabelNodeAction
  | AnnotateNodeAction
  | EmitEventAction
  | AlarmAction;

export type ActionType = Action['type'];

/**
 * True for actions that remove nodes or cut their power: these run only when the HAL is armed.
 * Evictions (drain, shed) are not in the set: they are what the cluster does on its own under
 * pressure, and a planned drain must work while safe so a rehearsal can stop before detaching.
 */
export function isDestructive(action: Action): boolean {
  switch (action.type) {
    case 'detach-stage':
    case 'power-off':
      return true;
    case 'node-fault':
      return action.fault !== 'clear';
    case 'cordon-stage':
    case 'drain-stage':
    case 'brownout-taint':
    case 'brownout-untaint':
    case 'shed-pods':
    case 'power-on':
    case 'link-lost':
    case 'link-acquired':
    case 'scale-workload':
    case 'rollout-image':
    case 'label-node':
    case 'annotate-node':
    case 'emit-event':
    case 'alarm':
      return false;
    default:
      return assertNever(action);
  }
}

function assertNever(x: never): never {
  throw new TypeError(`unknown action ${JSON.stringify(x)}`);
}
