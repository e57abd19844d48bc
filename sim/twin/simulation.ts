// The living twin: one simulated kubelet per node plus the control loops of kube-controller-manager and
// kube-scheduler, in the order a real control plane comes up.
import { daemonSetController } from './controllers/daemonset.ts';
import { deploymentController } from './controllers/deployment.ts';
import { disruptionController } from './controllers/disruption.ts';
import { eventTtlController } from './controllers/event-ttl.ts';
import { garbageCollectorController } from './controllers/garbage-collector.ts';
import type { ControllerFactory } from './controllers/index.ts';
import { namespaceController } from './controllers/namespace.ts';
import { nodeLifecycleController } from './controllers/node-lifecycle.ts';
import { podGcController } from './controllers/pod-gc.ts';
import { quorumController } from './controllers/quorum.ts';
import { replicaSetController } from './controllers/replicaset.ts';
import { statefulSetController } from './controllers/statefulset.ts';
import { taintEvictionController } from './controllers/taint-eviction.ts';
import { kubeletsController } from './kubelet/index.ts';
import type { NodeSpec } from './nodes.ts';
import { schedulerController } from './scheduler/index.ts';

/** Every controller of a living twin whose nodes are `nodes` (their kubelets register them). */
export function simulationControllers(nodes: readonly NodeSpec[]): ControllerFactory[] {
  return [
    // The API server's own: Events expire (--event-ttl).
    eventTtlController,
    quorumController,
    nodeLifecycleController,
    taintEvictionController,
    podGcController,
    garbageCollectorController,
    namespaceController,
    disruptionController,
    replicaSetController,
    deploymentController,
    statefulSetController,
    daemonSetController,
    schedulerController,
    kubeletsController(nodes),
  ];
}
