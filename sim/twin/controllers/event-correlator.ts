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

/** The distinct messages seen for one aggregate key: most objects say one thing once, so the Set comes lazily. */
interface AggregateRecord {
  first: string;
  more: Set<string> | undefined;
  lastMs: number;
}

interface Observation {
  count: number;
  name: string;
}

/**
 * Everything known about one source's events on one object. upstream keeps three LRU caches (aggregates,
 * observations, spam buckets) with keys that all start with source and object; one LRU of per-object records
 * holds the same state with one long key per event instead of three. Only under cache pressure (more than
 * cacheSize objects talked about at once) does it forget differently: an object's state goes as a whole.
 */
interface ObjectRecord {
  tokens: number;
  atMs: number;
  aggregates: Map<string, AggregateRecord>;
  observations: Map<string, Observation>;
}

const SEP = '\u0000';
const COMBINED = '(combined from similar events): ';
/** Distinct observations kept per object (oldest forgotten first), so a long-lived object cannot grow without bound. */
const OBSERVATIONS_PER_OBJECT = 64;

export class EventCorrelator {
  private readonly objects: LruCache<string, ObjectRecord>;
  private readonly opts: CorrelatorOptions;

  constructor(opts: Partial<CorrelatorOptions> = {}) {
    this.opts = { ...CORRELATOR_DEFAULTS, ...opts };
    this.objects = new LruCache(this.opts.cacheSize);
  }

  /** Decides the write for one event at `nowMs`; `freshName` names it if it turns out to be new. */
  correlate(f: EventFacts, nowMs: number, freshName: () => string): Correlation {
    // upstream: getSpamKey — source and involved object. An object's uid already names its kind, namespace and
    // name, so a key with the uid leaves those out (half the characters, for a string built per Event).
    const objectKey = f.uid !== ''
      ? `${f.uid}${SEP}${f.component}${SEP}${f.host}${SEP}${f.apiVersion}`
      : `${SEP}${f.component}${SEP}${f.host}${SEP}${f.kind}${SEP}${f.namespace}${SEP}${f.name}${SEP}${f.apiVersion}`;
    let obj = this.objects.get(objectKey);
    if (obj === undefined) {
      obj = { tokens: this.opts.spamBurst, atMs: nowMs, aggregates: new Map(), observations: new Map() };
      this.objects.set(objectKey, obj);
    }
    // upstream: EventAggregatorByReasonFunc — similar = everything but the message.
    const aggregateKey = `${f.type}${SEP}${f.reason}`;
    let key = `${aggregateKey}${SEP}${f.message}`;
    let message = f.message;
    let record = obj.aggregates.get(aggregateKey);
    if (record === undefined || nowMs - record.lastMs > this.opts.aggregateIntervalMs) {
      record = { first: f.message, more: undefined, lastMs: nowMs };
      obj.aggregates.set(aggregateKey, record);
    } else if (record.more !== undefined) record.more.add(f.message);
    else if (record.first !== f.message) record.more = new Set([record.first, f.message]);
    record.lastMs = nowMs;
    if (record.more !== undefined && record.more.size >= this.opts.aggregateMaxEvents) {
      // upstream: over the threshold the aggregate Event takes the aggregate key, so later ones count on it.
      record.more.delete(record.more.values().next().value as string);
      key = aggregateKey;
      message = COMBINED + f.message;
    }
    // upstream: eventObserve runs before the spam filter, so a throttled repeat still counts.
    let observed = obj.observations.get(key);
    if (observed === undefined) {
      obj.observations.set(key, (observed = { count: 1, name: freshName() }));
      if (obj.observations.size > OBSERVATIONS_PER_OBJECT) obj.observations.delete(obj.observations.keys().next().value as string);
    } else observed.count++;
    if (!this.allow(obj, nowMs)) return { kind: 'skip' };
    return { kind: 'write', name: observed.name, count: observed.count, message };
  }

  /** upstream: EventSourceObjectSpamFilter — a token bucket per source and object: `spamBurst`, refilled at `spamQps`. */
  private allow(b: ObjectRecord, nowMs: number): boolean {
    const { spamBurst, spamQps } = this.opts;
    b.tokens = Math.min(spamBurst, b.tokens + ((nowMs - b.atMs) / 1000) * spamQps);
    b.atMs = nowMs;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
