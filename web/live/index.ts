// web/live: the live-view WebSocket client (protocol in hal/signals/live.ts): reconnect, resume, behind.
export { DEFAULT_BACKOFF, backoffDelay } from './backoff.ts';
export type { BackoffOptions } from './backoff.ts';
export { JOURNAL_COUNT_HEADER, JOURNAL_MODE_HEADER, JOURNAL_PATH, LIVE_PATH, journalUrl, liveUrl, parseServerMessage, tokenFrom } from './protocol.ts';
export { fetchBacklog, readBacklog } from './backlog.ts';
export type { Backlog, BacklogProgress, BacklogResponse, NoBacklog } from './backlog.ts';
export type { PageLocation, ParsedServerMessage } from './protocol.ts';
export { INITIAL_LIVE_STATE, behindBy, onClose, onOpen, onServerMessage } from './live-state.ts';
export type { Connection, InjectReply, LiveEffect, LiveState, Step } from './live-state.ts';
export { LiveClient } from './client.ts';
export type { LiveClientOptions, SocketFactory, SocketHandlers, SocketLike, TimerHandle, Timers } from './client.ts';
export { browserSocket } from './browser-socket.ts';
