// How a node's state reads in the scene: body colour and the markers on its box (pure).
import type { NodeView, PodView } from '../model/types.ts';
import { BACKGROUND, NODE_COLOR, POD_NOT_READY_COLOR, POD_PHASE_COLOR, mixColor } from './palette.ts';

export interface NodeLook {
  readonly color: number;
  readonly controlPlane: boolean;
  readonly cordoned: boolean;
  /** Tainted by anything but the control-plane's own NoSchedule taint (that one is routine). */
  readonly tainted: boolean;
}

// upstream: kubeadm taints control-plane nodes node-role.kubernetes.io/control-plane:NoSchedule;
// it is the normal state of such a node, not news, so it does not light the taint marker.
const ROUTINE_TAINTS = new Set(['node-role.kubernetes.io/control-plane:NoSchedule']);

/**
 * `fade` 0..1 blends the body into the background: a deleted node fades (1 = gone from sight).
 * Power wins over readiness: an unpowered node's Ready condition is only the controller's guess.
 */
export function nodeLook(node: NodeView, fade = 0): NodeLook {
  let color: number;
  if (node.power === 'off') color = NODE_COLOR.poweredOff;
  else if (node.ready === 'True') color = NODE_COLOR.ready;
  else if (node.ready === 'False') color = NODE_COLOR.notReady;
  else color = NODE_COLOR.unknown;
  return {
    color: fade > 0 ? mixColor(color, BACKGROUND, fade) : color,
    controlPlane: node.role === 'control-plane',
    cordoned: node.unschedulable,
    tainted: node.taints.some((t) => !ROUTINE_TAINTS.has(t)),
  };
}

/** A pod's colour: its phase, with Running-but-not-Ready dulled. */
export function podColor(pod: PodView): number {
  if (pod.phase === 'Running' && !pod.ready) return POD_NOT_READY_COLOR;
  return POD_PHASE_COLOR[pod.phase] ?? POD_PHASE_COLOR.Unknown;
}
