// client-node objects → the facade's small read-only views.
import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import type { TaintEffect, TaintSpec } from '../signals/index.ts';
import type { EventInfo, NodeInfo, PodInfo } from './cluster.ts';

export function nodeInfo(n: V1Node): NodeInfo {
  return {
    name: n.metadata?.name ?? '',
    uid: n.metadata?.uid ?? '',
    labels: { ...(n.metadata?.labels ?? {}) },
    annotations: { ...(n.metadata?.annotations ?? {}) },
    taints: (n.spec?.taints ?? []).map((t): TaintSpec => ({ key: t.key, value: t.value ?? '', effect: t.effect as TaintEffect })),
    unschedulable: n.spec?.unschedulable === true,
    ...((r) => (r ? { ready: r } : {}))(n.status?.conditions?.find((c) => c.type === 'Ready')?.status),
    ...(n.metadata?.resourceVersion ? { resourceVersion: n.metadata.resourceVersion } : {}),
  };
}

export function podInfo(p: V1Pod): PodInfo {
  const owner = p.metadata?.ownerReferences?.find((o) => o.controller) ?? p.metadata?.ownerReferences?.[0];
  return {
    namespace: p.metadata?.namespace ?? '',
    name: p.metadata?.name ?? '',
    ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
    priority: p.spec?.priority ?? 0,
    terminating: p.metadata?.deletionTimestamp !== undefined && p.metadata?.deletionTimestamp !== null,
    ...(owner ? { ownerKind: owner.kind } : {}),
    ...(p.status?.phase ? { phase: p.status.phase } : {}),
    labels: { ...(p.metadata?.labels ?? {}) },
    ready: (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    ...(p.spec?.priorityClassName ? { priorityClassName: p.spec.priorityClassName } : {}),
  };
}

export function eventInfo(e: CoreV1Event): EventInfo {
  return {
    name: e.metadata?.name ?? '',
    node: e.involvedObject?.name ?? '',
    reason: e.reason ?? '',
    type: e.type ?? '',
    message: e.message ?? '',
  };
}
