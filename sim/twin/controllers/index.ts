// The twin's control loops: framework pieces shared by every controller.
export { DEFAULT_TWIN_CONFIG, type TwinConfig, type PodStartDelay } from './config.ts';
export { WorkQueue, type WorkQueueOptions } from './workqueue.ts';
export { RegistryEventRecorder, type EventRecorder, type EventType, type EventSource } from './events.ts';
export { watchResource, keyOf, splitKey, type Controller, type ControllerContext } from './controller.ts';
export { ControllerManager, type ControllerFactory } from './manager.ts';
