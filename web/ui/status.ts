// One word and one tone for a node or pod, shared by the details panel and the summary.
import type { NodeView, PodView } from '../model/types.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

export function nodeTone(n: NodeView): Tone {
  if (!n.present || !n.attached) return 'muted';
  if (n.power === 'off' || n.ready !== 'True') return 'bad';
  return n.unschedulable || n.taints.length > 0 ? 'warn' : 'ok';
}

export function podTone(p: PodView): Tone {
  if (p.phase === 'Failed' || p.phase === 'Unknown') return 'bad';
  if (p.phase === 'Running' && p.ready) return 'ok';
  return p.phase === 'Succeeded' ? 'muted' : 'warn';
}

/** A one-word state for a node, in the order a person cares: gone, off, not ready, cordoned, ready. */
export function nodeStatus(n: NodeView): string {
  if (!n.present) return 'deleted';
  if (!n.attached) return 'separated';
  if (n.power === 'off') return 'powered off';
  if (n.ready === 'Unknown') return 'unreachable';
  if (n.ready === 'False') return 'NotReady';
  return n.unschedulable ? 'Ready, cordoned' : 'Ready';
}
