// Pure: one MQTT message on kis/<vehicle>/signal/<type>/<id> → a Signal, or the reason it is not one.
// Runs once per message at ingest rates of 50k/s, so it parses once and validates with checkSignal only.
import { checkSignal, SIGNAL_SHAPES, SIGNAL_TYPES, type Signal, type SignalType } from '../../signals/index.ts';
import { parseSignalTopic } from '../../mqtt/index.ts';

/** Larger payloads are refused before JSON.parse: no signal needs more, and parsing is the cost. */
export const MAX_SIGNAL_PAYLOAD_BYTES = 16 * 1024;

/**
 * The field each signal type is "about": the <id> level of its topic names it, so a device granted
 * kis/v/signal/+/bus-a can only report on bus-a. A payload may omit it (and `type`): the topic fills
 * them in; when present they must agree with the topic.
 */
export const SIGNAL_SUBJECT_FIELD: Readonly<Record<SignalType, string>> = {
  separation: 'plane',
  power: 'bus',
  'power-state': 'bus',
  link: 'link',
  heartbeat: 'box',
  arm: 'box',
  'node-fault': 'node',
  rollout: 'workload',
  scale: 'workload',
  custom: 'name',
};

export type DecodeResult = { readonly ok: true; readonly signal: Signal } | { readonly ok: false; readonly error: string };

export interface DecodeContext {
  readonly vehicle: string;
  /** Stamped as `t` when the payload has none. */
  readonly nowMs: number;
  /** Used for the signal id when the payload has none: "mqtt:<type>/<id>:<seq>". */
  readonly seq: number;
}

const TYPES = new Set<string>(SIGNAL_TYPES);

type TopicVerdict = { readonly type: SignalType; readonly id: string } | { readonly error: string };

/**
 * Topic checks remembered per vehicle and topic: a device sends on the same few topics at ingest rates, and
 * splitting and checking each was a tenth of the decode cost. Bounded, so a device spraying topics cannot grow it.
 */
const topicVerdicts = new Map<string, TopicVerdict>();

function checkTopic(topic: string, vehicle: string): TopicVerdict {
  const key = `${vehicle}\u0000${topic}`;
  let v = topicVerdicts.get(key);
  if (v) return v;
  const parts = parseSignalTopic(topic);
  if (!parts) v = { error: `topic ${topic}: expected kis/<vehicle>/signal/<type>/<id>` };
  else if (parts.vehicle !== vehicle) v = { error: `topic ${topic}: vehicle ${parts.vehicle} is not ${vehicle}` };
  else if (!TYPES.has(parts.type)) v = { error: `topic ${topic}: unknown signal type ${parts.type} (one of ${SIGNAL_TYPES.join(', ')})` };
  else v = { type: parts.type as SignalType, id: parts.id };
  if (topicVerdicts.size >= 1024) topicVerdicts.clear();
  topicVerdicts.set(key, v);
  return v;
}

export function decodeSignalMessage(topic: string, payload: Uint8Array, ctx: DecodeContext): DecodeResult {
  const parts = checkTopic(topic, ctx.vehicle);
  if ('error' in parts) return fail(parts.error);
  const type = parts.type;
  if (payload.byteLength > MAX_SIGNAL_PAYLOAD_BYTES) return fail(`payload of ${payload.byteLength} bytes exceeds ${MAX_SIGNAL_PAYLOAD_BYTES}`);
  let body: unknown;
  try {
    // Both transports hand over Buffers: decode them as they are, without another view per message.
    const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
    body = JSON.parse(text);
  } catch (err) {
    return fail(`payload is not JSON: ${(err as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('payload must be a JSON object');
  const fields = body as Record<string, unknown>;
  if (fields.type !== undefined && fields.type !== type) {
    return fail(`payload type ${JSON.stringify(fields.type)} disagrees with topic type ${type}`);
  }
  const shape = SIGNAL_SHAPES[type];
  const keys = Object.keys(fields);
  for (let i = 0; i < keys.length; i++) {
    // checkShape tests `k in shape`, which "__proto__" and "constructor" pass through the prototype.
    if (!Object.hasOwn(shape, keys[i]!)) return fail(`payload.${keys[i]}: unknown field for a ${type} signal`);
  }
  const subject = SIGNAL_SUBJECT_FIELD[type];
  if (fields[subject] !== undefined && fields[subject] !== parts.id) {
    return fail(`payload ${subject} ${JSON.stringify(fields[subject])} disagrees with topic id ${parts.id}`);
  }
  // The parsed object is ours alone: complete it in place rather than copy it (this is per message).
  // `source` is always ours: a device cannot pass its signal off as a serial or profile one.
  const signal = fields;
  signal.type = type;
  signal[subject] = parts.id;
  signal.source = 'mqtt';
  if (signal.t === undefined) signal.t = ctx.nowMs;
  if (signal.id === undefined) signal.id = `mqtt:${type}/${parts.id}:${ctx.seq}`;
  const problem = checkSignal(signal, 'payload');
  return problem ? fail(problem) : { ok: true, signal: signal as unknown as Signal };
}

function fail(error: string): DecodeResult {
  return { ok: false, error };
}
