// fast-check generators of valid Signals, Actions and journal records, shared by the hal tests.
import fc from 'fast-check';
import type { Action, JournalEntry, JournalRecord, JsonValue, Signal } from '../../../hal/signals/index.ts';
import { EVENT_REASONS, NODE_FAULTS } from '../../../hal/signals/index.ts';

const id = fc.string({ minLength: 1, maxLength: 12 });
// Integral or finite doubles without -0, which JSON cannot carry.
const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const jsonValue: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }).map(
  (v) => JSON.parse(JSON.stringify(v)) as JsonValue,
);

const base = { source: fc.constantFrom('profile', 'serial', 'mqtt', 'instructor', 'replay', 'ser0'), t: num, id: opt(id) };

export const signal: fc.Arbitrary<Signal> = fc.oneof(
  fc.record(
    { ...base, type: fc.constant('separation' as const), plane: id, stage: opt(id), switchId: opt(id), state: fc.constantFrom('separated' as const, 'attached' as const) },
    { requiredKeys: ['source', 't', 'type', 'plane', 'state'] },
  ),
  fc.record({ ...base, type: fc.constant('power' as const), bus: id, millivolts: fc.integer({ min: 0, max: 100_000 }) }, { requiredKeys: ['source', 't', 'type', 'bus', 'millivolts'] }),
  fc.record(
    { ...base, type: fc.constant('power-state' as const), bus: id, node: opt(id), state: fc.constantFrom('lost' as const, 'restored' as const) },
    { requiredKeys: ['source', 't', 'type', 'bus', 'state'] },
  ),
  fc.record(
    { ...base, type: fc.constant('link' as const), link: id, state: fc.constantFrom('up' as const, 'down' as const), latencyMs: opt(num) },
    { requiredKeys: ['source', 't', 'type', 'link', 'state'] },
  ),
  fc.record({ ...base, type: fc.constant('heartbeat' as const), box: id, seq: fc.nat() }, { requiredKeys: ['source', 't', 'type', 'box', 'seq'] }),
  fc.record({ ...base, type: fc.constant('arm' as const), state: fc.constantFrom('armed' as const, 'safe' as const), box: opt(id) }, { requiredKeys: ['source', 't', 'type', 'state'] }),
  fc.record({ ...base, type: fc.constant('node-fault' as const), node: id, fault: fc.constantFrom(...NODE_FAULTS) }, { requiredKeys: ['source', 't', 'type', 'node', 'fault'] }),
  fc.record(
    { ...base, type: fc.constant('rollout' as const), workload: id, namespace: opt(id), container: opt(id), image: id },
    { requiredKeys: ['source', 't', 'type', 'workload', 'image'] },
  ),
  fc.record({ ...base, type: fc.constant('scale' as const), workload: id, namespace: opt(id), replicas: fc.nat(100) }, { requiredKeys: ['source', 't', 'type', 'workload', 'replicas'] }),
  fc.record({ ...base, type: fc.constant('custom' as const), name: id, data: jsonValue }, { requiredKeys: ['source', 't', 'type', 'name', 'data'] }),
);

const target = fc.record({ by: fc.constantFrom('node' as const, 'stage' as const, 'power-bus' as const), name: id });
const cause = opt(id);
const nullableMap = fc.dictionary(id, fc.option(fc.string(), { nil: null }), { maxKeys: 3 });

export const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constantFrom('cordon-stage' as const, 'drain-stage' as const, 'detach-stage' as const), stage: id, cause }, { requiredKeys: ['type', 'stage'] }),
  fc.record(
    { type: fc.constantFrom('brownout-taint' as const, 'brownout-untaint' as const, 'power-off' as const, 'power-on' as const), target, cause },
    { requiredKeys: ['type', 'target'] },
  ),
  fc.record({ type: fc.constant('shed-pods' as const), target, belowPriority: fc.integer(), cause }, { requiredKeys: ['type', 'target', 'belowPriority'] }),
  fc.record({ type: fc.constantFrom('link-lost' as const, 'link-acquired' as const), link: id, target, cause }, { requiredKeys: ['type', 'link', 'target'] }),
  fc.record({ type: fc.constant('node-fault' as const), target, fault: fc.constantFrom('crash' as const, 'partition' as const, 'clear' as const), cause }, { requiredKeys: ['type', 'target', 'fault'] }),
  fc.record({ type: fc.constant('scale-workload' as const), workload: id, namespace: opt(id), replicas: fc.nat(50), cause }, { requiredKeys: ['type', 'workload', 'replicas'] }),
  fc.record({ type: fc.constant('rollout-image' as const), workload: id, namespace: opt(id), container: opt(id), image: id, cause }, { requiredKeys: ['type', 'workload', 'image'] }),
  fc.record({ type: fc.constant('label-node' as const), target, labels: nullableMap, cause }, { requiredKeys: ['type', 'target', 'labels'] }),
  fc.record({ type: fc.constant('annotate-node' as const), target, annotations: nullableMap, cause }, { requiredKeys: ['type', 'target', 'annotations'] }),
  fc.record(
    { type: fc.constant('emit-event' as const), target, reason: fc.constantFrom(...EVENT_REASONS), eventType: fc.constantFrom('Normal' as const, 'Warning' as const), message: fc.string(), cause },
    { requiredKeys: ['type', 'target', 'reason', 'eventType', 'message'] },
  ),
  fc.record(
    { type: fc.constant('alarm' as const), alarm: fc.constantFrom('box-fault', 'switch-disagreement', 'scope-violation'), state: fc.constantFrom('raised' as const, 'cleared' as const), subject: id, message: fc.string(), cause },
    { requiredKeys: ['type', 'alarm', 'state', 'subject', 'message'] },
  ),
);

export const record: fc.Arbitrary<JournalRecord> = fc.oneof(
  fc.record({ t: num, kind: fc.constant('signal' as const), signal }),
  fc.record(
    { t: num, kind: fc.constant('action' as const), action, status: fc.constantFrom('decided' as const, 'applied' as const, 'refused' as const, 'failed' as const, 'dry-run' as const), detail: opt(fc.string()) },
    { requiredKeys: ['t', 'kind', 'action', 'status'] },
  ),
  fc.record(
    { t: num, kind: fc.constant('cluster' as const), op: fc.constantFrom('added' as const, 'modified' as const, 'deleted' as const), resource: fc.constantFrom('nodes', 'pods'), name: id, namespace: opt(id), data: opt(fc.dictionary(id, jsonValue, { maxKeys: 3 })) },
    { requiredKeys: ['t', 'kind', 'op', 'resource', 'name'] },
  ),
  fc.record(
    { t: num, kind: fc.constant('expect' as const), name: id, status: fc.constantFrom('pass' as const, 'fail' as const), message: opt(fc.string()), observed: opt(jsonValue) },
    { requiredKeys: ['t', 'kind', 'name', 'status'] },
  ),
  fc.record({ t: num, kind: fc.constant('telemetry' as const), channel: id, values: fc.dictionary(id, num, { maxKeys: 4 }) }),
  fc.record(
    { t: num, kind: fc.constant('log' as const), level: fc.constantFrom('debug' as const, 'info' as const, 'warn' as const, 'error' as const), message: fc.string(), module: opt(id) },
    { requiredKeys: ['t', 'kind', 'level', 'message'] },
  ),
);

export const entry: fc.Arbitrary<JournalEntry> = fc.oneof(
  record,
  fc.constant({ kind: 'header' as const, format: 'kis-journal' as const, version: 1 as const, profile: 'falcon9-leo', seed: 42 }),
);

/** Shuffles an object's key order (JSON-level), to check that formatting does not depend on it. */
export function reorderKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, seed));
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  const rotated = keys.slice(seed % Math.max(1, keys.length)).concat(keys.slice(0, seed % Math.max(1, keys.length))).reverse();
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of rotated) out[k] = reorderKeys((value as Record<string, unknown>)[k], seed + 1);
  return out;
}
