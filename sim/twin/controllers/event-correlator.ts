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

/** The distinct messages seen for one (type, reason): most objects say one thing once, so the Set comes lazily. */
interface AggregateRecord {
  type: string;
  reason: string;
  first: string;
  more: Set<string> | undefined;
  lastMs: number;
}

/** One Event written so far: a (type, reason, message), or with `message` undefined the combined aggregate Event. */
interface Observation {
  type: string;
  reason: string;
  message: string | undefined;
  count: number;
  name: string;
}

/**
 * Everything one source has said about one object. upstream keeps three LRU caches (aggregates, observations,
 * spam buckets) whose keys all start with source and object, each key a string built per Event. Here one LRU
 * entry per object holds a short list of these, and each holds short lists searched by comparing fields: no
 * key strings and no Maps per object (a pod is talked about by two sources in four or five reasons; at 100,000
 * pods the per-object Maps and key strings were most of what the correlator allocated). Only under cache
 * pressure (more than cacheSize objects talked about at once) does it forget differently: an object's state
 * goes as a whole.
 */
interface SourceRecord {
  component: string;
  host: string;
  apiVersion: string;
  tokens: number;
  atMs: number;
  aggregates: AggregateRecord[];
  observations: Observation[];
}

const SEP = '\u0000';
const COMBINED = '(combined from similar events): ';
/** Distinct observations (and reasons) kept per source and object, oldest forgotten first, so a long-lived object cannot grow without bound. */
const OBSERVATIONS_PER_OBJECT = 64;

export class EventCorrelator {
  /** By uid (or, for an object without one, kind, namespace and name): the sources that have spoken of it. */
  private readonly objects: LruCache<string, SourceRecord[]>;
  private readonly opts: CorrelatorOptions;

  constructor(opts: Partial<CorrelatorOptions> = {}) {
    this.opts = { ...CORRELATOR_DEFAULTS, ...opts };
    this.objects = new LruCache(this.opts.cacheSize);
  }

  /** Decides the write for one event at `nowMs`; `freshName` names it if it turns out to be new. */
  correlate(f: EventFacts, nowMs: number, freshName: () => string): Correlation {
    // upstream: getSpamKey — source and involved object. An object's uid already names its kind, namespace and
    // name; without one those three tell objects apart.
    const objectKey = f.uid !== '' ? f.uid : `${SEP}${f.kind}${SEP}${f.namespace}${SEP}${f.name}`;
    let sources = this.objects.get(objectKey);
    if (sources === undefined) this.objects.set(objectKey, (sources = []));
    const src = this.sourceOf(sources, f, nowMs);
    // upstream: EventAggregatorByReasonFunc — similar = everything but the message.
    let record = findAggregate(src.aggregates, f.type, f.reason);
    if (record === undefined || nowMs - record.lastMs > this.opts.aggregateIntervalMs) {
      if (record !== undefined) src.aggregates.splice(src.aggregates.indexOf(record), 1);
      record = { type: f.type, reason: f.reason, first: f.message, more: undefined, lastMs: nowMs };
      pushBounded(src.aggregates, record);
    } else if (record.more !== undefined) record.more.add(f.message);
    else if (record.first !== f.message) record.more = new Set([record.first, f.message]);
    record.lastMs = nowMs;
    let keyMessage: string | undefined = f.message;
    let message = f.message;
    if (record.more !== undefined && record.more.size >= this.opts.aggregateMaxEvents) {
      // upstream: over the threshold the aggregate Event takes the aggregate key, so later ones count on it.
      record.more.delete(record.more.values().next().value as string);
      keyMessage = undefined;
      message = COMBINED + f.message;
    }
    // upstream: eventObserve runs before the spam filter, so a throttled repeat still counts.
    let observed = findObservation(src.observations, f.type, f.reason, keyMessage);
    if (observed === undefined) pushBounded(src.observations, (observed = { type: f.type, reason: f.reason, message: keyMessage, count: 1, name: freshName() }));
    else observed.count++;
    if (!this.allow(src, nowMs)) return { kind: 'skip' };
    return { kind: 'write', name: observed.name, count: observed.count, message };
  }

  private sourceOf(sources: SourceRecord[], f: EventFacts, nowMs: number): SourceRecord {
    for (const s of sources) if (s.component === f.component && s.host === f.host && s.apiVersion === f.apiVersion) return s;
    const s: SourceRecord = { component: f.component, host: f.host, apiVersion: f.apiVersion, tokens: this.opts.spamBurst, atMs: nowMs, aggregates: [], observations: [] };
    sources.push(s);
    return s;
  }

  /** upstream: EventSourceObjectSpamFilter — a token bucket per source and object: `spamBurst`, refilled at `spamQps`. */
  private allow(b: SourceRecord, nowMs: number): boolean {
    const { spamBurst, spamQps } = this.opts;
    b.tokens = Math.min(spamBurst, b.tokens + ((nowMs - b.atMs) / 1000) * spamQps);
    b.atMs = nowMs;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

function findAggregate(list: readonly AggregateRecord[], type: string, reason: string): AggregateRecord | undefined {
  for (const r of list) if (r.reason === reason && r.type === type) return r;
  return undefined;
}

function findObservation(list: readonly Observation[], type: string, reason: string, message: string | undefined): Observation | undefined {
  for (const o of list) if (o.message === message && o.reason === reason && o.type === type) return o;
  return undefined;
}

/** Appends, dropping the oldest entry past OBSERVATIONS_PER_OBJECT (a short list: the shift is cheap). */
function pushBounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > OBSERVATIONS_PER_OBJECT) list.shift();
}
