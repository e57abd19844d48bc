// What a kubelet does about one pod bound to its node, given the API's view and its own. Pure.
// upstream: pkg/kubelet/pod_workers.go (SyncPod / SyncTerminatingPod / SyncTerminatedPod) and
// pkg/kubelet/status/status_manager.go (canBeDeleted: the final delete once the pod is terminal).
import type { PodStage } from './pod-run.ts';

export type PodAction =
  /** Nothing to do now. */
  | 'none'
  /** A terminal pod the kubelet does not run: leave it (and drop any local run). */
  | 'ignore'
  /** New to this kubelet: pull, create, start. */
  | 'admit'
  /** Already running per the API when the kubelet (not the node) started: take over without restarting. */
  | 'adopt'
  /** deletionTimestamp set while containers run: Killing, then stop within the grace period. */
  | 'kill'
  /** Already stopping: a second delete may have shortened the grace period. */
  | 'shorten'
  /** Nothing left running: post the terminal status and delete the pod for good (grace 0). */
  | 'finalize';

export interface PodFacts {
  deleting: boolean;
  phase: string | undefined;
  /** The API shows containers that started (the pod ran somewhere, on this node). */
  hasRunningContainers: boolean;
}

export function decidePod(pod: PodFacts, stage: PodStage | undefined, mayAdopt: boolean): PodAction {
  const terminal = pod.phase === 'Succeeded' || pod.phase === 'Failed';
  if (terminal && stage !== 'terminated') return pod.deleting ? 'finalize' : 'ignore';
  if (pod.deleting) {
    switch (stage) {
      case undefined:
      case 'terminated':
        return 'finalize';
      case 'terminating':
        return 'shorten';
      default:
        return 'kill';
    }
  }
  if (stage === undefined) return mayAdopt && pod.phase === 'Running' && pod.hasRunningContainers ? 'adopt' : 'admit';
  return 'none';
}
