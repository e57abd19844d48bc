// The live WebSocket client: connects, feeds the reducer, reconnects with backoff and resumes from
// the records it holds. Socket and timers are injected (the page passes the browser's; tests fakes).
import type { InjectableSignal, JournalHeader, JournalRecord, LiveClientMessage } from '../../hal/signals/index.ts';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff.ts';
import { INITIAL_LIVE_STATE, onClose, onOpen, onServerMessage, type InjectReply, type LiveState } from './live-state.ts';
import { parseServerMessage } from './protocol.ts';

/** What the client needs of a socket; `browserSocket` adapts the DOM WebSocket. */
export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  close(): void;
}
export interface SocketLike {
  send(text: string): void;
  close(): void;
}
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

/** The part of sim/core's Clock the client uses (structurally the same, so a Clock fits). */
export interface TimerHandle {
  readonly id: number;
}
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

export interface LiveClientOptions {
  readonly url: string;
  readonly connect: SocketFactory;
  readonly timers: Timers;
  /** [0, 1); jitter for the backoff. */
  readonly random: () => number;
  readonly backoff?: BackoffOptions;
  /**
   * What the page already holds of this run (its backlog, loaded over HTTP): the server's hello for the
   * same header then asks only for what follows instead of starting a fresh journal.
   */
  readonly holding?: { readonly header: JournalHeader; readonly held: number; readonly mode: 'live' | 'replay' };
  onState(state: LiveState): void;
  onReset(header: JournalHeader): void;
  onRecords(from: number, records: readonly JournalRecord[]): void;
  onReply(reply: InjectReply): void;
}

export class LiveClient {
  #state: LiveState = INITIAL_LIVE_STATE;
  #socket: SocketLike | undefined;
  #retry: TimerHandle | undefined;
  #stopped = false;
  #nextRequest = 1;

  constructor(private readonly options: LiveClientOptions) {
    const h = options.holding;
    if (h) this.#state = { ...INITIAL_LIVE_STATE, header: h.header, mode: h.mode, held: h.held, known: h.held };
  }

  get state(): LiveState {
    return this.#state;
  }

  start(): void {
    this.#stopped = false;
    this.#open();
  }

  /** Closes for good: no reconnect. */
  stop(): void {
    this.#stopped = true;
    this.options.timers.clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#set({ ...this.#state, connection: this.#state.connection === 'ended' ? 'ended' : 'closed' });
    this.#socket?.close();
    this.#socket = undefined;
  }

  /**
   * Sends an injection; returns its requestId. When not connected the reply is a local refusal, so
   * the console always hears back.
   */
  inject(signal: InjectableSignal): string {
    const requestId = `r${this.#nextRequest++}`;
    if (this.#state.connection !== 'open' || !this.#socket) {
      this.options.onReply({ type: 'refused', requestId, reason: `not connected (${this.#state.connection})` });
      return requestId;
    }
    this.#send({ type: 'inject', requestId, signal });
    return requestId;
  }

  #open(): void {
    if (this.#stopped) return;
    const socket = this.options.connect(this.options.url, {
      open: () => {
        if (this.#socket === socket) this.#set(onOpen(this.#state));
      },
      message: (text) => {
        if (this.#socket === socket) this.#receive(text);
      },
      close: () => {
        if (this.#socket !== socket) return;
        this.#socket = undefined;
        this.#set(onClose(this.#state));
        if (this.#state.connection === 'reconnecting' && !this.#stopped) this.#scheduleRetry();
      },
    });
    this.#socket = socket;
  }

  #scheduleRetry(): void {
    const delay = backoffDelay(this.#state.attempt - 1, this.options.random, this.options.backoff ?? DEFAULT_BACKOFF);
    this.#retry = this.options.timers.setTimeout(() => {
      this.#retry = undefined;
      this.#open();
    }, delay);
  }

  #receive(text: string): void {
    const parsed = parseServerMessage(text);
    if (!parsed.ok) {
      this.#set({ ...this.#state, problem: `bad message: ${parsed.error}` });
      return;
    }
    const step = onServerMessage(this.#state, parsed.message);
    this.#state = step.state;
    for (const effect of step.effects) {
      if (effect.kind === 'reset') this.options.onReset(effect.header);
      else if (effect.kind === 'append') this.options.onRecords(effect.from, effect.records);
      else if (effect.kind === 'send') this.#send(effect.message);
      else this.options.onReply(effect.reply);
    }
    this.options.onState(this.#state);
  }

  #send(message: LiveClientMessage): void {
    this.#socket?.send(JSON.stringify(message));
  }

  #set(state: LiveState): void {
    this.#state = state;
    this.options.onState(state);
  }
}
