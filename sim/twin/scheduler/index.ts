// The twin's kube-scheduler: default plugins (filters, scores), the scheduling queue, and DefaultPreemption.
export { schedulerController, makeSchedulerController, Scheduler, DEFAULT_SCHEDULER_NAME, type SchedulerOptions } from './scheduler.ts';
export { SchedulerCache } from './cache.ts';
export { SchedulingAlgorithm, numFeasibleNodesToFind, type ScheduleOutcome } from './algorithm.ts';
export { preFilter, runFilters, type CycleState } from './filters.ts';
export { scoreNodes, selectHost, SCORE_WEIGHTS } from './scoring.ts';
export { fitErrorMessage, truncateMessage, NO_NODES_AVAILABLE } from './fit-error.ts';
export { preempt, selectVictimsOnNode, pickOneNodeForPreemption, filterPodsWithPDBViolation, podEligibleToPreemptOthers, moreImportant, type Candidate, type Pdb, type PreemptOutcome } from './preemption.ts';
export { pdbsFrom } from './pdbs.ts';
export { podInfo, type PodInfo } from './pod-info.ts';
export { NodeInfo } from './node-info.ts';
export { podRequests, nodeAllocatable, type Resources } from './resources.ts';
export { SchedulingQueue, POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS } from './queue.ts';
export { unschedulableStatus, preemptedStatus } from './pod-status.ts';
export type { Rejection, StatusCode, PluginName, NodeView } from './plugins/types.ts';
