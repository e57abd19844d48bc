// Records core/v1 Events the way client-go's recorder does: one Event per (object, reason, message, source),
// repeats increment `count` and `lastTimestamp`, ten similar ones (same object and reason) within ten minutes
// become one "(combined from similar events)" Event, and a source may say only so much about one object.
// Names are `<object>.<hex nanoseconds>` as upstream, from the clock, so lockstep runs give the same names.
// upstream: k8s.io/client-go/tools/record/event.go, events_cache.go (EventCorrelator)
import type { Clock } from '../../core/index.ts';
import { rfc3339Seconds } from '../../core/index.ts';
import { OBJECT_KEY, type KubeObject } from '../store/index.ts';
import { resourceByKey, type Registry } from '../api/index.ts';
import { EventCorrelator, type CorrelatorOptions, type EventFacts } from './event-correlator.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventRecorder {
  event(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void;
}

/** Events of cluster-scoped objects (nodes) live in "default", as upstream's recorder puts them. */
const CLUSTER_SCOPED_EVENT_NAMESPACE = 'default';

const EVENTS = resourceByKey('events')!;

export class RegistryEventRecorder implements EventRecorder {
  private readonly correlator: EventCorrelator;
  /** One frozen `source` per component and host, shared by every Event it is on (the store never mutates it). */
  private readonly sources = new Map<string, Map<string, EventSource>>();
  /** Refilled for every event: the correlator keeps only the values. */
  private readonly facts: EventFacts = { component: '', host: '', kind: '', namespace: '', name: '', uid: '', apiVersion: '', type: '', reason: '', message: '' };
  private readonly freshName = (objectName: string): string => {
    NAME_PARTS[0] = objectName;
    NAME_PARTS[1] = this.uniqueNanosHex();
    // A joined string is one flat cell; a template literal is a rope that the table's hashing flattens into a
    // second copy, both kept as long as the Event.
    return NAME_PARTS.join('.');
  };
  private baseMs = Number.NEGATIVE_INFINITY;
  private baseHigh = 0;
  private baseLow = 0;
  private sinceBase = 0;

  constructor(
    private readonly registry: Registry,
    private readonly clock: Clock,
    private readonly onError: (e: unknown) => void = () => undefined,
    correlation: Partial<CorrelatorOptions> = {},
  ) {
    this.correlator = new EventCorrelator(correlation);
  }

  event(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const meta = obj.metadata;
    const namespace = meta.namespace || CLUSTER_SCOPED_EVENT_NAMESPACE;
    const nowMs = this.clock.now();
    try {
      const f = this.facts;
      f.component = source.component;
      f.host = source.host ?? '';
      f.kind = obj.kind ?? '';
      f.namespace = meta.namespace ?? '';
      f.name = meta.name ?? 'unknown';
      f.uid = meta.uid ?? '';
      f.apiVersion = obj.apiVersion ?? '';
      f.type = type;
      f.reason = reason;
      f.message = message;
      const c = this.correlator.correlate(f, nowMs, this.freshName);
      if (c.kind === 'skip') return;
      const now = this.timestamp(nowMs);
      const existing = c.count > 1 ? this.registry.store.get(EVENTS.key, namespace, c.name) : undefined;
      if (existing) {
        this.registry.commitUpdate(EVENTS, { ...existing, count: c.count, lastTimestamp: now, message: c.message }, existing, { trusted: true });
        return;
      }
      this.registry.create(EVENTS, namespace, {
        // Every field the stored Event will have, in one literal, the ones the store sets included: it is stored
        // as built (see ObjectStore.create), so all of them sit in the objects themselves (a field added later
        // goes to a separate property array, ~40 bytes more per Event).
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: c.name, namespace, uid: '', resourceVersion: '', generation: 0, creationTimestamp: '', [OBJECT_KEY]: '' },
        involvedObject: {
          kind: obj.kind,
          ...(meta.namespace ? { namespace: meta.namespace } : {}),
          name: meta.name,
          uid: meta.uid,
          apiVersion: obj.apiVersion,
          resourceVersion: meta.resourceVersion,
        },
        reason,
        message: c.message,
        source: this.sourceOf(source),
        firstTimestamp: now,
        lastTimestamp: now,
        count: c.count,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      }, { trusted: true });
    } catch (e) {
      // upstream: the recorder never blocks or fails its caller; a lost event is logged.
      this.onError(e);
    }
  }

  private stampSecond = Number.NaN;
  private stamp = '';

  /** rfc3339Seconds, formatted once per clock second (every Event in that second shares the string). */
  private timestamp(ms: number): string {
    const second = Math.floor(ms / 1000);
    if (second !== this.stampSecond) {
      this.stampSecond = second;
      this.stamp = rfc3339Seconds(ms);
    }
    return this.stamp;
  }

  private sourceOf(source: EventSource): EventSource {
    let byHost = this.sources.get(source.component);
    if (byHost === undefined) this.sources.set(source.component, (byHost = new Map()));
    const host = source.host ?? '';
    let shared = byHost.get(host);
    if (shared === undefined) {
      shared = Object.freeze({ component: source.component, ...(source.host ? { host: source.host } : {}) });
      byHost.set(host, shared);
    }
    return shared;
  }

  /**
   * Nanoseconds from the clock in hex, strictly increasing so two events in one millisecond get distinct names:
   * the clock's millisecond times 10^6, or one more than the last name's when that is not later.
   * Epoch nanoseconds (~1.8e18) are past 2^53, where a float would swallow the +1: the value is kept as the
   * clock millisecond it was last based on (BigInt, once per distinct millisecond) split into 24-bit limbs,
   * plus a count of events since, so an Event costs number arithmetic only.
   */
  private uniqueNanosHex(): string {
    const ms = Math.floor(this.clock.now());
    // The clock's nanoseconds are later than the last name's unless that ran more than the gap ahead.
    if (ms > this.baseMs && this.sinceBase < (ms - this.baseMs) * 1_000_000) {
      const base = BigInt(ms) * 1_000_000n;
      this.baseMs = ms;
      this.baseHigh = Number(base >> 24n);
      this.baseLow = Number(base & 0xffffffn);
      this.sinceBase = 0;
      return hexOf(this.baseHigh, this.baseLow);
    }
    this.sinceBase++;
    const low = this.baseLow + this.sinceBase;
    return hexOf(this.baseHigh + Math.floor(low / LIMB), low % LIMB);
  }
}

const LIMB = 0x1000000;
const NAME_PARTS = ['', ''];

function hexOf(high: number, low: number): string {
  return high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(6, '0');
}
