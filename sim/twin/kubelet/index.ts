// Simulated kubelets for the twin: one per node — registration, lease, node status, pod lifecycle, power and faults.
export { kubeletsController, type KubeletsController } from './controller.ts';
export { SimKubelet } from './kubelet.ts';
export { DEFAULT_KUBELET_OPTIONS, resolveKubeletOptions, type KubeletOptions } from './options.ts';
export { desiredOf, powerStep, type Desired, type KubeletMode, type PowerStep } from './power.ts';
export { decidePod, type PodAction, type PodFacts } from './pod-decision.ts';
export { nodeConditions, shouldReportStatus, HEALTHY, type NodeCondition, type NodeHealth, type ConditionsResult } from './node-status.ts';
export { podStatusFor } from './pod-status.ts';
export { newPodRun, adoptedPodRun, type PodRun, type ContainerRun, type PodStage, type TerminatedState } from './pod-run.ts';
export { registrationFor, ownedStatusDiffers, type Registration, type OwnedNodeStatus } from './registration.ts';
export { newLease, renewLease, NODE_LEASE_NAMESPACE } from './lease.ts';
export { PodIpAllocator } from './ipam.ts';
export { normalizeImage, imageId, goDuration, needsPull, messages } from './images.ts';
