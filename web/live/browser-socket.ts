// The DOM WebSocket behind the client's SocketFactory (the only browser-specific part of web/live).
import type { SocketFactory } from './client.ts';

export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.open();
  ws.onmessage = (event) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  // An error is always followed by close; reconnecting on close alone avoids retrying twice.
  ws.onclose = () => handlers.close();
  return { send: (text) => ws.send(text), close: () => ws.close() };
};
