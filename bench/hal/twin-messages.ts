// The IPC vocabulary between bench/hal and its twin process (twin-child.ts).

/** A write the twin committed: an annotation, the out-of-service taint, a node deleted, an Event created. */
export type WriteKind = 'annotate' | 'taint' | 'delete' | 'event';

export type ChildMessage =
  | { op: 'ready'; kubeconfig: string }
  | { op: 'pong'; seq: number; at: number }
  | { op: 'restored' }
  /** `at`: the child's performance.timeOrigin + performance.now() inside the store's write. */
  | { op: 'write'; kind: WriteKind; name: string; value: string; at: number };

export type ParentMessage = { op: 'ping'; seq: number } | { op: 'restore' } | { op: 'stop' };
