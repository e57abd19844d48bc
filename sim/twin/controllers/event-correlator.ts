// client-go's EventCorrelator: aggregates similar events, counts repeats and throttles spam, so a recorder writes
// one Event per distinct happening and a flood of near-identical ones collapses into a single counted Event.
// upstream: k8s.io/client-go/tools/record/events_cache.go (EventAggregator, eventLogger, EventSourceObjectSpamFilter)
import { LruCache } from './lru.ts';

/** upstream: maxLruCacheEntries, defaultAggregateMaxEvents, defaultAggregateIntervalInSeconds, defaultSpamBurst, defaultSpamQPS. */
export const CORRELATOR_DEFAULTS = { cacheSize: 4096, aggregateMaxEvents: 10, aggregateIntervalMs: 600_000, spamBurst: 25, spamQps: 1 / 300 };

export type CorrelatorOptions = typeof CORRELATOR_DEFAULTS;

/** What identifies an event before correlation: its source, the object it is about, and what it says. */
export interface EventFacts {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  type: string;
  reason: string;
  message: string;
}

/**
 * The write to make: the Event `name` with `count` and `message` — a new Event when `count` is 1, else a repeat
 * that updates the stored one (created afresh under that name if the API no longer has it, as upstream's
 * recordEvent falls back to Create when the patch finds nothing) — or nothing (`skip`: throttled as spam).
 */
export type Correlation = { kind: 'write'; name: string; count: number; message: string } | { kind: 'skip' };

interface AggregateRecord {
  localKeys: Set<string>;
  lastMs: number;
}

interface Observation {
  count: number;
  name: string;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

const SEP = '\u0000';
const COMBINED = '(combined from similar events): ';

export class EventCorrelator {
  private readonly aggregates: LruCache<string, AggregateRecord>;
  private readonly observations: LruCache<string, Observation>;
  private readonly spam: LruCache<string, Bucket>;
  private readonly opts: CorrelatorOptions;

  constructor(opts: Partial<CorrelatorOptions> = {}) {
    this.opts = { ...CORRELATOR_DEFAULTS, ...opts };
    this.aggregates = new LruCache(this.opts.cacheSize);
    this.observations = new LruCache(this.opts.cacheSize);
    this.spam = new LruCache(this.opts.cacheSize);
  }

  /** Decides the write for one event at `nowMs`; `freshName` names it if it turns out to be new. */
  correlate(f: EventFacts, nowMs: number, freshName: () => string): Correlation {
    const spamKey = [f.component, f.host, f.kind, f.namespace, f.name, f.uid, f.apiVersion].join(SEP);
    // upstream: EventAggregatorByReasonFunc — similar = everything but the message.
    const aggregateKey = `${spamKey}${SEP}${f.type}${SEP}${f.reason}`;
    let key = `${aggregateKey}${SEP}${f.message}`;
    let message = f.message;
    // Records are updated in place: a get already marks the entry used, so only a new record needs a set.
    let record = this.aggregates.get(aggregateKey);
    if (record === undefined || nowMs - record.lastMs > this.opts.aggregateIntervalMs) {
      record = { localKeys: new Set(), lastMs: nowMs };
      this.aggregates.set(aggregateKey, record);
    }
    record.localKeys.add(f.message);
    record.lastMs = nowMs;
    if (record.localKeys.size >= this.opts.aggregateMaxEvents) {
      // upstream: over the threshold the aggregate Event takes the aggregate key, so later ones count on it.
      record.localKeys.delete(record.localKeys.values().next().value as string);
      key = aggregateKey;
      message = COMBINED + f.message;
    }
    // upstream: eventObserve runs before the spam filter, so a throttled repeat still counts.
    let observed = this.observations.get(key);
    if (observed === undefined) this.observations.set(key, (observed = { count: 1, name: freshName() }));
    else observed.count++;
    if (!this.allow(spamKey, nowMs)) return { kind: 'skip' };
    return { kind: 'write', name: observed.name, count: observed.count, message };
  }

  /** upstream: a token bucket per source and object — `spamBurst` events, refilled at `spamQps`. */
  private allow(spamKey: string, nowMs: number): boolean {
    const { spamBurst, spamQps } = this.opts;
    let b = this.spam.get(spamKey);
    if (b === undefined) this.spam.set(spamKey, (b = { tokens: spamBurst, atMs: nowMs }));
    b.tokens = Math.min(spamBurst, b.tokens + ((nowMs - b.atMs) / 1000) * spamQps);
    b.atMs = nowMs;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
