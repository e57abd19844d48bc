// Simulation control (KWOK-style): annotations the HAL writes on a Node and the twin's simulated kubelets
// obey. On a real cluster nothing obeys them — the hardware does what they describe — and they stay as a record.
// Same strings as hal/signals/conventions.ts; sim/twin may not import hal, so they are repeated here.

export const ANNOTATION_POWER = 'sim.kis.dev/power'; // "on" | "off"
export const ANNOTATION_ATTACHED = 'sim.kis.dev/attached'; // "false": the node has left the vehicle
export const ANNOTATION_FAULT = 'sim.kis.dev/fault'; // "crash" | "partition" (absent: healthy)

export const LABEL_ROLE = 'kis.dev/role';
export const LABEL_STAGE = 'kis.dev/stage';
export const ROLE_CONTROL_PLANE = 'control-plane';

export type PowerState = 'on' | 'off';
export type Fault = 'crash' | 'partition' | undefined;

interface Annotated {
  metadata: { annotations?: Record<string, string> };
}

export function powerOf(node: Annotated): PowerState {
  return node.metadata.annotations?.[ANNOTATION_POWER] === 'off' ? 'off' : 'on';
}

export function isDetached(node: Annotated): boolean {
  return node.metadata.annotations?.[ANNOTATION_ATTACHED] === 'false';
}

export function faultOf(node: Annotated): Fault {
  const f = node.metadata.annotations?.[ANNOTATION_FAULT];
  return f === 'crash' || f === 'partition' ? f : undefined;
}
