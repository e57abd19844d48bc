// Records core/v1 Events the way client-go's recorder does: one Event per (object, reason, message, source),
// repeats increment `count` and `lastTimestamp`. Names are `<object>.<hex nanoseconds>` as upstream, taken
// from the clock, so lockstep runs give the same names every time.
// upstream: k8s.io/client-go/tools/record/event.go, events_cache.go (EventCorrelator)
import type { Clock } from '../../core/index.ts';
import { rfc3339Seconds } from '../../core/index.ts';
import type { KubeObject } from '../store/index.ts';
import { resourceByKey, type Registry } from '../api/index.ts';

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

export class RegistryEventRecorder implements EventRecorder {
  private readonly seen = new Map<string, string>();
  private lastNanos = 0n;

  constructor(
    private readonly registry: Registry,
    private readonly clock: Clock,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  event(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const events = resourceByKey('events')!;
    const namespace = obj.metadata.namespace || CLUSTER_SCOPED_EVENT_NAMESPACE;
    const now = rfc3339Seconds(this.clock.now());
    const key = [obj.kind, namespace, obj.metadata.name, obj.metadata.uid, reason, message, source.component, source.host, type].join('\u0000');
    try {
      const existingName = this.seen.get(key);
      const existing = existingName ? this.registry.store.get(events.key, namespace, existingName) : undefined;
      if (existing) {
        const count = ((existing as { count?: number }).count ?? 1) + 1;
        this.registry.commitUpdate(events, { ...existing, count, lastTimestamp: now }, existing, { trusted: true });
        return;
      }
      const name = `${obj.metadata.name ?? 'unknown'}.${this.uniqueNanos().toString(16)}`;
      this.registry.create(events, namespace, {
        metadata: { name, namespace },
        involvedObject: {
          kind: obj.kind,
          ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
          name: obj.metadata.name,
          uid: obj.metadata.uid,
          apiVersion: obj.apiVersion,
          resourceVersion: obj.metadata.resourceVersion,
        },
        reason,
        message,
        source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source.component,
        reportingInstance: source.host ?? '',
      }, { trusted: true });
      this.seen.set(key, name);
    } catch (e) {
      // upstream: the recorder never blocks or fails its caller; a lost event is logged.
      this.onError(e);
    }
  }

  /**
   * Nanoseconds from the clock, strictly increasing so two events in one millisecond get distinct names.
   * BigInt: epoch nanoseconds (~1.8e18) are past 2^53, where a float would swallow the +1.
   */
  private uniqueNanos(): bigint {
    const fromClock = BigInt(Math.floor(this.clock.now())) * 1_000_000n;
    const nanos = fromClock > this.lastNanos ? fromClock : this.lastNanos + 1n;
    this.lastNanos = nanos;
    return nanos;
  }
}
