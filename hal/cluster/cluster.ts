// The `Cluster` facade: every Kubernetes call the HAL makes, typed and small. One implementation
// talks to client-node (KubeCluster); one contract suite (test/hal/cluster) pins its behaviour.
import type { EventType, TaintSpec } from '../signals/index.ts';

export interface NodeInfo {
  readonly name: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly taints: readonly TaintSpec[];
  readonly unschedulable: boolean;
  /** The Ready condition's status ('True' | 'False' | 'Unknown'), when the node reports one. */
  readonly ready?: string;
  /** metadata.resourceVersion as read (a write conditioned on it fails with 409 if the node changed since). */
  readonly resourceVersion?: string;
}

export interface PodInfo {
  readonly namespace: string;
  readonly name: string;
  readonly nodeName?: string;
  /** spec.priority as admission resolved it (0 when unset, as upstream). */
  readonly priority: number;
  /** Has a deletionTimestamp: already on its way out. */
  readonly terminating: boolean;
  /** Kind of the controlling owner (DaemonSet pods are skipped by a drain, as kubectl does). */
  readonly ownerKind?: string;
  readonly phase?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** The Ready condition is True. */
  readonly ready?: boolean;
  readonly priorityClassName?: string;
}

export interface NodeEventSpec {
  /** Object name: the caller makes it deterministic, so posting it twice is one Event. */
  readonly name: string;
  readonly node: string;
  readonly nodeUid?: string;
  readonly reason: string;
  readonly type: EventType;
  readonly message: string;
  /** ms since the epoch (from the injected clock). */
  readonly at: number;
}

export interface EventInfo {
  readonly name: string;
  readonly node: string;
  readonly reason: string;
  readonly type: string;
  readonly message: string;
}

export type EvictOutcome = 'evicted' | 'gone';

export interface Cluster {
  /** Nodes matching a label selector (upstream syntax), all nodes without one. */
  listNodes(labelSelector?: string): Promise<NodeInfo[]>;
  /** undefined when the node does not exist. */
  getNode(name: string): Promise<NodeInfo | undefined>;
  /** spec.unschedulable = true (kubectl cordon). Idempotent. */
  cordon(name: string): Promise<void>;
  /**
   * Adds (present) or removes the taint with this key and effect. Idempotent; retries its own 409s.
   * `seen`: the node as a cache last saw it; when it had no taints and a resourceVersion, the first
   * attempt writes on that (no read first) — a stale one answers 409 and the node is read afresh.
   */
  setTaint(name: string, taint: TaintSpec, present: boolean, seen?: NodeInfo): Promise<void>;
  /** Merge-patches annotations; a null value removes the key. */
  annotate(name: string, annotations: Readonly<Record<string, string | null>>): Promise<void>;
  label(name: string, labels: Readonly<Record<string, string | null>>): Promise<void>;
  /** Deletes the node; a node already gone is success. */
  deleteNode(name: string): Promise<void>;
  podsOnNode(nodeName: string): Promise<PodInfo[]>;
  /**
   * One eviction through the Eviction API (policy/v1). A pod already gone is 'gone'; a PDB that
   * forbids it throws ClusterError 429 — the caller decides how long to keep trying.
   */
  evict(namespace: string, name: string): Promise<EvictOutcome>;
  /** Creates a core/v1 Event on the Node, in namespace default; an Event of that name already there is success. */
  postNodeEvent(event: NodeEventSpec): Promise<void>;
  /** Events whose involvedObject is the Node (every node when omitted). */
  nodeEvents(node?: string): Promise<EventInfo[]>;
  /** Sets spec.replicas through the scale subresource. */
  scaleDeployment(namespace: string, name: string, replicas: number): Promise<void>;
  /** Sets the image of one container (the first when unnamed) — a rollout. */
  setDeploymentImage(namespace: string, name: string, container: string | undefined, image: string): Promise<void>;
}
