// The IPC vocabulary between bench/hal and its twin process (twin-child.ts).

/** A write the twin committed: an annotation, the out-of-service taint, a node deleted, an Event created. */
export type WriteKind = 'annotate' | 'taint' | 'delete' | 'event';

/** One committed write; `at`: the child's performance.timeOrigin + performance.now() inside the store's write. */
export interface ChildWrite {
  kind: WriteKind;
  name: string;
  value: string;
  at: number;
}

/** A request the twin's HTTP server parsed (http.server.request.start), absolute time as ChildWrite's. */
export interface ChildRequest {
  method: string;
  url: string;
  at: number;
  /** When its response was handed to the socket (http.server.response.finish); NaN if not yet. */
  answered: number;
}

/** A garbage collection in the child: absolute start, duration ms, and V8's kind (1 scavenge, 4 mark-compact, …). */
export interface ChildGc {
  at: number;
  ms: number;
  kind: number;
}

export type ChildMessage =
  | { op: 'ready'; kubeconfig: string }
  | { op: 'pong'; seq: number; at: number }
  | { op: 'restored' }
  /** What the child saw since the last drain: nothing crosses during an edge, so IPC costs neither process latency. */
  | { op: 'drained'; writes: ChildWrite[]; requests: ChildRequest[]; gcs: ChildGc[] };

export type ParentMessage = { op: 'ping'; seq: number } | { op: 'restore' } | { op: 'drain' } | { op: 'stop' };
