// What the simulation-control annotations on a Node mean for its kubelet, and how it moves between states.
// Pure: the kubelet applies the returned step. See sim/twin/sim-control.ts for the annotations.
import { faultOf, isDetached, powerOf } from '../sim-control.ts';

/**
 * up: running (heartbeats, pods). booting: powered, waiting out the boot delay. down: powered off or crashed
 * (nothing runs; the API keeps what was last reported). detached: left the vehicle — gone for good.
 */
export type KubeletMode = 'up' | 'booting' | 'down' | 'detached';

/** What the hardware is told to be, read from the Node's annotations. */
export interface Desired {
  running: boolean;
  partitioned: boolean;
  detached: boolean;
}

interface Annotated {
  metadata: { annotations?: Record<string, string> };
}

export function desiredOf(node: Annotated | undefined): Desired {
  if (!node) return { running: true, partitioned: false, detached: false };
  const fault = faultOf(node);
  return {
    running: powerOf(node) === 'on' && fault !== 'crash',
    partitioned: fault === 'partition',
    detached: isDetached(node),
  };
}

/**
 * stop: cancel everything, containers die. boot: start the boot delay. none: nothing to do.
 * ('up' is reached from 'booting' by the boot timer, not by an annotation.)
 */
export type PowerStep = 'detach' | 'stop' | 'boot' | 'none';

export function powerStep(mode: KubeletMode, want: Desired): PowerStep {
  if (mode === 'detached') return 'none'; // latched: a detached node never comes back
  if (want.detached) return 'detach';
  if (!want.running) return mode === 'down' ? 'none' : 'stop';
  return mode === 'down' ? 'boot' : 'none';
}
