// The twin's Kubernetes API server: registry (the write path), HTTPS server and the resource table.
export { startApiServer, type ApiServer, type ApiServerOptions } from './server.ts';
export { Registry, type RegistryOptions, type WriteOptions, type WriteGate, type PendingWrite } from './registry.ts';
export { deleteObject, deleteCollection, type DeleteOptions } from './deletion.ts';
export { evictPod } from './subresources/eviction.ts';
export { bindPod } from './subresources/binding.ts';
export { RESOURCES, findResource, resourceByKey, resourceForKind, groupVersion, type ServedResource } from './resources.ts';
export { ApiError, errors, type Status } from './errors.ts';
export type { TokenTable, Identity, Role } from './auth.ts';
export { SYSTEM_PRIORITY_CLASSES } from './admission.ts';
