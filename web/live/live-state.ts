// The live connection as a pure reducer: server messages in, the records to append and the replies to
// send out. Holds only counts, so a resume after a reconnect asks for exactly what is missing.
import type { JournalHeader, JournalRecord, LiveClientMessage, LiveRole, LiveServerMessage } from '../../hal/signals/index.ts';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'ended' | 'closed';

export interface LiveState {
  readonly connection: Connection;
  readonly mode?: 'live' | 'replay';
  readonly role?: LiveRole;
  readonly header?: JournalHeader;
  /** Records held, contiguous from index 0. */
  readonly held: number;
  /** Records the server has said exist (hello, end, the last batch). */
  readonly known: number;
  /** Failed connection attempts since the last open (drives the backoff). */
  readonly attempt: number;
  /** Set while a gap was seen and a resume from `held` is on its way (sent once, not per batch). */
  readonly resumeFrom?: number;
  /** The last problem (bad frame, gap), for the status line. */
  readonly problem?: string;
}

export type InjectReply = Extract<LiveServerMessage, { type: 'injected' | 'refused' }>;

export type LiveEffect =
  /** A journal starts (first hello, or a hello for a different run): begin a fresh model. */
  | { readonly kind: 'reset'; readonly header: JournalHeader }
  | { readonly kind: 'append'; readonly from: number; readonly records: readonly JournalRecord[] }
  | { readonly kind: 'send'; readonly message: LiveClientMessage }
  | { readonly kind: 'reply'; readonly reply: InjectReply };

export interface Step {
  readonly state: LiveState;
  readonly effects: readonly LiveEffect[];
}

export const INITIAL_LIVE_STATE: LiveState = { connection: 'connecting', held: 0, known: 0, attempt: 0 };

/** Records the server has that this page does not yet hold. */
export function behindBy(state: LiveState): number {
  return Math.max(0, state.known - state.held);
}

function sameRun(a: JournalHeader | undefined, b: JournalHeader): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

export function onOpen(state: LiveState): LiveState {
  return { ...state, connection: 'open', attempt: 0, resumeFrom: undefined };
}

/** The socket closed; after `end` that is expected and final, otherwise we will retry. */
export function onClose(state: LiveState): LiveState {
  if (state.connection === 'ended' || state.connection === 'closed') return state;
  return { ...state, connection: 'reconnecting', attempt: state.attempt + 1 };
}

export function onServerMessage(state: LiveState, msg: LiveServerMessage): Step {
  switch (msg.type) {
    case 'hello': {
      const base = { ...state, mode: msg.mode, role: msg.role, header: msg.header, known: Math.max(msg.recordCount, 0), problem: undefined };
      if (sameRun(state.header, msg.header) && state.held > 0) {
        // A reconnect to the same run: keep what we hold, ask for the rest.
        return { state: { ...base, known: Math.max(base.known, state.held), resumeFrom: state.held }, effects: [{ kind: 'send', message: { type: 'resume', from: state.held } }] };
      }
      return { state: { ...base, held: 0, resumeFrom: undefined }, effects: [{ kind: 'reset', header: msg.header }] };
    }
    case 'records': {
      const end = msg.from + msg.records.length;
      const known = Math.max(state.known, end);
      if (msg.from > state.held) {
        // A gap (records lost across a reconnect): drop the batch and ask once from what we hold.
        if (state.resumeFrom === state.held) return { state: { ...state, known }, effects: [] };
        return {
          state: { ...state, known, resumeFrom: state.held, problem: `gap: got ${msg.from}, hold ${state.held}` },
          effects: [{ kind: 'send', message: { type: 'resume', from: state.held } }],
        };
      }
      // Overlap (the server began from 0 before our resume arrived): keep only the new tail.
      const fresh = msg.records.slice(state.held - msg.from);
      const next: LiveState = { ...state, known, held: state.held + fresh.length, resumeFrom: undefined };
      return { state: next, effects: fresh.length > 0 ? [{ kind: 'append', from: state.held, records: fresh }] : [] };
    }
    case 'end':
      return { state: { ...state, connection: 'ended', known: Math.max(state.known, msg.recordCount) }, effects: [] };
    case 'injected':
    case 'refused':
      return { state, effects: [{ kind: 'reply', reply: msg }] };
  }
}
