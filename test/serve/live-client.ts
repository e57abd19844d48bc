// A test client for /live: a real ws connection that collects the server's messages in order.
import WebSocket from 'ws';
import type { LiveClientMessage, LiveServerMessage } from '../../hal/signals/index.ts';

export interface LiveTestClient {
  readonly messages: LiveServerMessage[];
  /** Resolves with the first message (from the start) that matches, waiting for it if need be. */
  waitFor<T extends LiveServerMessage['type']>(type: T, match?: (m: Extract<LiveServerMessage, { type: T }>) => boolean): Promise<Extract<LiveServerMessage, { type: T }>>;
  send(msg: LiveClientMessage | Record<string, unknown>): void;
  /** Sends text as it is (for malformed messages). */
  sendRaw(text: string): void;
  /** Record indexes received so far, in arrival order. */
  indexes(): number[];
  close(): Promise<void>;
}

export async function connectLive(url: string): Promise<LiveTestClient> {
  const ws = new WebSocket(url);
  const messages: LiveServerMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as LiveServerMessage);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const client: LiveTestClient = {
    messages,
    waitFor(type, match) {
      const find = () => messages.find((m) => m.type === type && (!match || match(m as never))) as never;
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = find();
          if (m) return resolve(m);
          if (ws.readyState >= WebSocket.CLOSING) return reject(new Error(`socket closed before a ${type} message`));
          waiters.push(check);
        };
        ws.once('close', () => check());
        check();
      });
    },
    send: (msg) => ws.send(JSON.stringify(msg)),
    sendRaw: (text) => ws.send(text),
    indexes: () => messages.flatMap((m) => (m.type === 'records' ? m.records.map((_, i) => m.from + i) : [])),
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
  return client;
}
