// hal/cluster: the only user of @kubernetes/client-node — the Cluster facade, the action executor
// with its scope guard and arming interlock, the durable action queue, and the informer observer.
export type { Cluster, EventInfo, EvictOutcome, NodeEventSpec, NodeInfo, PodInfo } from './cluster.ts';
export { ClusterError, toClusterError } from './errors.ts';
export { KubeCluster } from './kube-cluster.ts';
export { loadKubeConfig, KubeConfigError, type KubeConfigSource } from './kubeconfig.ts';
export { ActionExecutor, type ArmSource, type ExecResult, type ExecStatus, type ExecutorOptions } from './executor.ts';
export { DEFAULT_DRAIN, type DrainOptions, type EvictionReport } from './evictions.ts';
export { inScope, resolveTarget, describeTarget, type Resolved } from './scope.ts';
export { ActionQueue, DEFAULT_BACKOFF, type ActionQueueOptions, type Applier, type Backoff } from './action-queue.ts';
export { QueueJournal, QueueJournalError, type QueuedAction } from './queue-journal.ts';
export { ClusterObserver, type ObservedChange, type ObserverOptions, type ObserverStatus } from './observer.ts';
export { ManifestClient, type ManifestObject } from './manifests.ts';
export { withClockHolds } from './holding.ts';
export { trace, TRACE_APPLYING, TRACE_DONE, TRACE_ENQUEUED, TRACE_IDLE, TRACE_SYNCED, TRACE_SYNCING, TRACE_WRITE, type IdleTrace, type QueueTrace, type WriteTrace } from './trace.ts';
export { equalityMatcher, NodeCache, type NodeCacheOptions, type NodeLister } from './node-cache.ts';
export { KeepAliveClients } from './keep-alive.ts';
export { MERGE_PATCH, RawApi, STRATEGIC_PATCH, type RawMethod } from './raw-api.ts';
