// web/live: the live-view WebSocket client (protocol in hal/signals/live.ts): reconnect, resume, behind.
export { DEFAULT_BACKOFF, backoffDelay } from './backoff.ts';
export type { BackoffOptions } from './backoff.ts';
export { LIVE_PATH, liveUrl, parseServerMessage, tokenFrom } from './protocol.ts';
export type { PageLocation, ParsedServerMessage } from './protocol.ts';
export { INITIAL_LIVE_STATE, behindBy, onClose, onOpen, onServerMessage } from './live-state.ts';
export type { Connection, InjectReply, LiveEffect, LiveState, Step } from './live-state.ts';
export { LiveClient } from './client.ts';
export type { LiveClientOptions, SocketFactory, SocketHandlers, SocketLike, TimerHandle, Timers } from './client.ts';
export { browserSocket } from './browser-socket.ts';
