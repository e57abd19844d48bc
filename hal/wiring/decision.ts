// The result type of decide() and small builders shared by the per-signal rules.
import type { Action, EmitEventAction, EventReason, EventType, NodeTarget, Signal } from '../signals/index.ts';
import type { WiringState } from './state.ts';

export interface Decision {
  readonly actions: readonly Action[];
  readonly state: WiringState;
}

/** `cause` for every action: the signal's id, so the journal ties actions to what caused them. */
export function causeOf(signal: Signal): { cause?: string } {
  return signal.id === undefined ? {} : { cause: signal.id };
}

export function event(
  signal: Signal,
  target: NodeTarget,
  reason: EventReason,
  eventType: EventType,
  message: string,
): EmitEventAction {
  return { type: 'emit-event', target, reason, eventType, message, ...causeOf(signal) };
}

export const stage = (name: string): NodeTarget => ({ by: 'stage', name });
export const bus = (name: string): NodeTarget => ({ by: 'power-bus', name });
export const node = (name: string): NodeTarget => ({ by: 'node', name });

export function volts(millivolts: number): string {
  return `${(millivolts / 1000).toFixed(2)} V`;
}
