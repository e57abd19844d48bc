// Field specs of every Signal and Action variant; the mapped types make tsc reject a missing field.
import type { Action, ActionType } from './action.ts';
import { EVENT_REASONS, EVENT_TYPES } from './conventions.ts';
import { checkShape, checkUnion, type FieldSpec, type Shape } from './shape.ts';
import { NODE_FAULTS, type Signal, type SignalType } from './signal.ts';

type ShapeOf<T> = { readonly [F in keyof T]-?: FieldSpec };
type SignalShapes = { readonly [K in SignalType]: ShapeOf<Extract<Signal, { type: K }>> };
type ActionShapes = { readonly [K in ActionType]: ShapeOf<Extract<Action, { type: K }>> };

const str: FieldSpec = { type: 'string' };
const optStr: FieldSpec = { type: 'string', optional: true };
const base = { source: str, t: { type: 'number' }, id: optStr } as const;

export const SIGNAL_SHAPES: SignalShapes = {
  separation: {
    ...base,
    type: { type: ['separation'] },
    plane: str,
    stage: optStr,
    switchId: optStr,
    state: { type: ['separated', 'attached'] },
  },
  power: { ...base, type: { type: ['power'] }, bus: str, millivolts: { type: 'int' } },
  'power-state': {
    ...base,
    type: { type: ['power-state'] },
    bus: str,
    node: optStr,
    state: { type: ['lost', 'restored'] },
  },
  link: {
    ...base,
    type: { type: ['link'] },
    link: str,
    state: { type: ['up', 'down'] },
    latencyMs: { type: 'number', optional: true },
  },
  heartbeat: { ...base, type: { type: ['heartbeat'] }, box: str, seq: { type: 'non-negative-int' } },
  arm: { ...base, type: { type: ['arm'] }, state: { type: ['armed', 'safe'] }, box: optStr },
  'node-fault': { ...base, type: { type: ['node-fault'] }, node: str, fault: { type: NODE_FAULTS } },
  rollout: {
    ...base,
    type: { type: ['rollout'] },
    workload: str,
    namespace: optStr,
    container: optStr,
    image: str,
  },
  scale: {
    ...base,
    type: { type: ['scale'] },
    workload: str,
    namespace: optStr,
    replicas: { type: 'non-negative-int' },
  },
  custom: { ...base, type: { type: ['custom'] }, name: str, data: { type: 'json' } },
};

const target: FieldSpec = {
  type: (v, path) => checkShape(v, { by: { type: ['node', 'stage', 'power-bus'] }, name: str }, path),
};
const cause = { cause: optStr } as const;

export const ACTION_SHAPES: ActionShapes = {
  'cordon-stage': { ...cause, type: { type: ['cordon-stage'] }, stage: str },
  'drain-stage': { ...cause, type: { type: ['drain-stage'] }, stage: str },
  'detach-stage': { ...cause, type: { type: ['detach-stage'] }, stage: str },
  'brownout-taint': { ...cause, type: { type: ['brownout-taint'] }, target },
  'brownout-untaint': { ...cause, type: { type: ['brownout-untaint'] }, target },
  'shed-pods': { ...cause, type: { type: ['shed-pods'] }, target, belowPriority: { type: 'int' } },
  'power-off': { ...cause, type: { type: ['power-off'] }, target },
  'power-on': { ...cause, type: { type: ['power-on'] }, target },
  'link-lost': { ...cause, type: { type: ['link-lost'] }, link: str, target },
  'link-acquired': { ...cause, type: { type: ['link-acquired'] }, link: str, target },
  'node-fault': {
    ...cause,
    type: { type: ['node-fault'] },
    target,
    fault: { type: ['crash', 'partition', 'clear'] },
  },
  'scale-workload': {
    ...cause,
    type: { type: ['scale-workload'] },
    workload: str,
    namespace: optStr,
    replicas: { type: 'non-negative-int' },
  },
  'rollout-image': {
    ...cause,
    type: { type: ['rollout-image'] },
    workload: str,
    namespace: optStr,
    container: optStr,
    image: str,
  },
  'label-node': { ...cause, type: { type: ['label-node'] }, target, labels: { type: 'nullable-string-map' } },
  'annotate-node': {
    ...cause,
    type: { type: ['annotate-node'] },
    target,
    annotations: { type: 'nullable-string-map' },
  },
  'emit-event': {
    ...cause,
    type: { type: ['emit-event'] },
    target,
    reason: { type: EVENT_REASONS },
    eventType: { type: EVENT_TYPES },
    message: str,
  },
  alarm: {
    ...cause,
    type: { type: ['alarm'] },
    alarm: str,
    state: { type: ['raised', 'cleared'] },
    subject: str,
    message: str,
  },
};

/** Returns "path: problem" when `value` is not a valid Signal. */
export function checkSignal(value: unknown, path = 'signal'): string | undefined {
  return checkUnion(value, 'type', SIGNAL_SHAPES as Readonly<Record<string, Shape>>, path);
}

/** Returns "path: problem" when `value` is not a valid Action. */
export function checkAction(value: unknown, path = 'action'): string | undefined {
  return checkUnion(value, 'type', ACTION_SHAPES as Readonly<Record<string, Shape>>, path);
}

export function isSignal(value: unknown): value is Signal {
  return checkSignal(value) === undefined;
}

export function isAction(value: unknown): value is Action {
  return checkAction(value) === undefined;
}
