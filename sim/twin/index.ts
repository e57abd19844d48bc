// The embedded twin: a Kubernetes-API-compatible cluster served over HTTPS.
export { startTwin, registerNodes, type Twin, type TwinOptions } from './twin.ts';
export { simulationControllers } from './simulation.ts';
export { DEFAULT_TWIN_CONFIG, type TwinConfig } from './controllers/index.ts';
export { nodeObject, plainWorkers, type NodeSpec } from './nodes.ts';
export { kubeconfigYaml, viewerPath } from './kubeconfig.ts';
export { SYSTEM_NAMESPACES } from './bootstrap.ts';
export { Registry, RESOURCES, resourceByKey, ApiError, errors } from './api/index.ts';
export { ObjectStore, StoreError, type KubeObject, type WatchEvent } from './store/index.ts';
