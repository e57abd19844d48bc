// Parses what a browser sends on /live (untrusted): a `resume` or an `inject`, or says what was wrong.
import type { InjectableSignal, LiveClientMessage } from '../../hal/signals/index.ts';

export type ParsedClientMessage = LiveClientMessage | { readonly problem: string; readonly requestId?: string };

const MAX_REQUEST_ID = 128;

export function parseClientMessage(text: string): ParsedClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not a JSON message' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'expected a JSON object' };
  const m = value as Record<string, unknown>;
  const requestId = typeof m.requestId === 'string' && m.requestId.length <= MAX_REQUEST_ID ? m.requestId : undefined;
  if (m.type === 'resume') {
    return Number.isSafeInteger(m.from) && (m.from as number) >= 0 ? { type: 'resume', from: m.from as number } : { problem: 'resume needs from: a record index (>= 0)' };
  }
  if (m.type === 'inject') {
    if (requestId === undefined) return { problem: `inject needs requestId: a string of at most ${MAX_REQUEST_ID} characters` };
    if (typeof m.signal !== 'object' || m.signal === null || Array.isArray(m.signal)) return { problem: 'inject needs signal: an object', requestId };
    // The signal's own fields are checked against the schema once stamped (sim/run/live.ts stampInjection).
    return { type: 'inject', requestId, signal: m.signal as InjectableSignal };
  }
  return { problem: `unknown message type ${JSON.stringify(m.type) ?? 'undefined'}: expected resume or inject`, ...(requestId ? { requestId } : {}) };
}
