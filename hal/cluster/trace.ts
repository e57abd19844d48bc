// Latency trace points on node:diagnostics_channel: free while nobody subscribes, and the hal benchmark
// (or an operator's tooling) subscribes to see where a frame's time goes between the queue and the API.
import { channel } from 'node:diagnostics_channel';
import type { Action } from '../signals/index.ts';

/** Published by ActionQueue once an action is journalled (written; fsynced before it is applied). */
export const TRACE_ENQUEUED = 'kis.hal.queue.enqueued';
/** Published by ActionQueue before the group-commit fsync that puts the head's line on disk (when one is needed). */
export const TRACE_SYNCING = 'kis.hal.queue.syncing';
/** Published by ActionQueue when the head's line is on disk (the fsync that started with TRACE_SYNCING ended). */
export const TRACE_SYNCED = 'kis.hal.queue.synced';
/** Published by ActionQueue when it hands the head to the executor (the fsync, if any, still running). */
export const TRACE_APPLYING = 'kis.hal.queue.applying';
/** Published by ActionQueue when an action has finished (its done-marker is journalled). */
export const TRACE_DONE = 'kis.hal.queue.done';
/** Published by ActionQueue when it has nothing owed and every line it wrote is on disk (the idle flush ended). */
export const TRACE_IDLE = 'kis.hal.queue.idle';
/** Published by the executor around each cluster write: phase 'start' before the call, 'end' after. */
export const TRACE_WRITE = 'kis.hal.cluster.write';

export interface QueueTrace {
  readonly id: number;
  readonly action: Action;
}

export interface IdleTrace {
  /** fsyncs of the journal so far. */
  readonly syncs: number;
}

export interface WriteTrace {
  readonly phase: 'start' | 'end';
  /** The step as the executor reports it ("annotate node s1-a …"). */
  readonly step: string;
}

const channels = {
  [TRACE_ENQUEUED]: channel(TRACE_ENQUEUED),
  [TRACE_SYNCING]: channel(TRACE_SYNCING),
  [TRACE_SYNCED]: channel(TRACE_SYNCED),
  [TRACE_APPLYING]: channel(TRACE_APPLYING),
  [TRACE_DONE]: channel(TRACE_DONE),
  [TRACE_WRITE]: channel(TRACE_WRITE),
  [TRACE_IDLE]: channel(TRACE_IDLE),
};

type TraceMessage<K> = K extends typeof TRACE_WRITE ? WriteTrace : K extends typeof TRACE_IDLE ? IdleTrace : QueueTrace;

/** Publishes only when someone listens, so the message is not even built otherwise. */
export function trace<K extends keyof typeof channels>(name: K, message: () => TraceMessage<K>): void {
  const ch = channels[name];
  if (ch.hasSubscribers) ch.publish(message());
}
