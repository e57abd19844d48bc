// hal/cluster: the only user of @kubernetes/client-node — the Cluster facade, the action executor
// with its scope guard and arming interlock, the durable action queue, and the informer observer.
export type { Cluster, EventInfo, EvictOutcome, NodeEventSpec, NodeInfo, PodInfo } from './cluster.ts';
export { ClusterError, toClusterError } from './errors.ts';
export { KubeCluster } from './kube-cluster.ts';
export { loadKubeConfig, KubeConfigError, type KubeConfigSource } from './kubeconfig.ts';
