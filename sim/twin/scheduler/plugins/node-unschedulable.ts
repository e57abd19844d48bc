// NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the unschedulable taint.
// upstream: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go
import type { PodInfo } from '../pod-info.ts';
import { tolerated } from './taint-toleration.ts';
import { reject, type NodeView, type Rejection } from './types.ts';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function filterNodeUnschedulable(pod: PodInfo, view: NodeView): Rejection | undefined {
  if (!view.info.unschedulable) return undefined;
  if (tolerated(pod.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
  return reject('NodeUnschedulable', 'UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE);
}
