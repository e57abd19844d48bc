// What filter plugins return and what they look at: a node, possibly with victims simulated away (preemption).
// upstream: pkg/scheduler/framework/interface.go (Status codes Unschedulable / UnschedulableAndUnresolvable)
import type { NodeInfo } from '../node-info.ts';
import type { PodInfo } from '../pod-info.ts';
import type { Resources } from '../resources.ts';

/** Unschedulable: preemption may help. UnschedulableAndUnresolvable: it cannot (preemption skips the node). */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export type PluginName = 'DefaultPreemption' | 'NodeUnschedulable' | 'TaintToleration' | 'NodeAffinity' | 'NodeResourcesFit' | 'PodTopologySpread' | 'InterPodAffinity';

export interface Rejection {
  plugin: PluginName;
  code: StatusCode;
  /** Each reason counts once in the "0/N nodes are available" histogram. */
  reasons: readonly string[];
}

export interface Freed extends Resources {
  pods: number;
}

export interface NodeView {
  info: NodeInfo;
  /** Pods removed for a preemption dry run, and what they held. */
  removed?: ReadonlySet<PodInfo>;
  freed?: Freed;
}

export const reject = (plugin: PluginName, code: StatusCode, ...reasons: string[]): Rejection => ({ plugin, code, reasons });

/** upstream: framework.MaxNodeScore */
export const MAX_NODE_SCORE = 100;
