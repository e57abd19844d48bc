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
  next: AggregateRecord | undefined;
}

/** One Event written so far: a (type, reason, message), or with `message` undefined the combined aggregate Event. */
interface Observation {
  type: string;
  reason: string;
  message: string | undefined;
  count: number;
  name: string;
  next: Observation | undefined;
}

/**
 * Everything one source has said about one object. upstream keeps three LRU caches (aggregates, observations,
 * spam buckets) whose keys all start with source and object, each key a string built per Event. Here one LRU
 * entry per object holds a chain of these (one per source), and each holds chains of records searched by
 * comparing fields: no key strings, no Maps and no arrays per object (a pod is talked about by two sources in
 * four or five reasons; at 100,000 pods the per-object Maps and key strings, and then the arrays, each ~150
 * bytes however short, were most of what the correlator allocated, and it lives just long enough to be copied
 * by the young-generation GC). Only under cache pressure (more than cacheSize objects talked about at once) does
 * it forget differently: an object's state goes as a whole.
 */
interface SourceRecord {
  component: string;
  host: string;
  apiVersion: string;
  tokens: number;
  atMs: number;
  /** Chains oldest first, each at most OBSERVATIONS_PER_OBJECT long. */
  aggregates: AggregateRecord | undefined;
  aggregateCount: number;
  observations: Observation | undefined;
  observationCount: number;
  next: SourceRecord | undefined;
}

const SEP = '\u0000';
const COMBINED = '(combined from similar events): ';
/** Distinct observations (and reasons) kept per source and object, oldest forgotten first, so a long-lived object cannot grow without bound. */
const OBSERVATIONS_PER_OBJECT = 64;

export class EventCorrelator {
  /** By uid (or, for an object without one, kind, namespace and name): the first of the sources that have spoken of it. */
  private readonly objects: LruCache<string, SourceRecord>;
  private readonly opts: CorrelatorOptions;

  constructor(opts: Partial<CorrelatorOptions> = {}) {
    this.opts = { ...CORRELATOR_DEFAULTS, ...opts };
    this.objects = new LruCache(this.opts.cacheSize);
  }

  /**
   * Decides the write for one event at `nowMs`; `freshName(f.name)` names it if it turns out to be new. Only the
   * field values of `f` are kept, so a caller may reuse one facts object for every event.
   */
  correlate(f: EventFacts, nowMs: number, freshName: (objectName: string) => string): Correlation {
    const src = this.sourceOf(f, nowMs);
    // upstream: EventAggregatorByReasonFunc — similar = everything but the message.
    let record = findAggregate(src.aggregates, f.type, f.reason);
    if (record === undefined || nowMs - record.lastMs > this.opts.aggregateIntervalMs) {
      if (record !== undefined) {
        src.aggregates = unlink(src.aggregates, record);
        src.aggregateCount--;
      }
      record = { type: f.type, reason: f.reason, first: f.message, more: undefined, lastMs: nowMs, next: undefined };
      src.aggregates = appendBounded(src.aggregates, record, ++src.aggregateCount);
      if (src.aggregateCount > OBSERVATIONS_PER_OBJECT) src.aggregateCount--;
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
    if (observed === undefined) {
      observed = { type: f.type, reason: f.reason, message: keyMessage, count: 1, name: freshName(f.name), next: undefined };
      src.observations = appendBounded(src.observations, observed, ++src.observationCount);
      if (src.observationCount > OBSERVATIONS_PER_OBJECT) src.observationCount--;
    } else observed.count++;
    if (!this.allow(src, nowMs)) return { kind: 'skip' };
    return { kind: 'write', name: observed.name, count: observed.count, message };
  }

  /** The record of f's source about f's object, made (and the object's entry with it) on first word. */
  private sourceOf(f: EventFacts, nowMs: number): SourceRecord {
    // upstream: getSpamKey — source and involved object. An object's uid already names its kind, namespace and
    // name; without one those three tell objects apart.
    const objectKey = f.uid !== '' ? f.uid : `${SEP}${f.kind}${SEP}${f.namespace}${SEP}${f.name}`;
    const first = this.objects.get(objectKey);
    let last: SourceRecord | undefined;
    for (let s = first; s !== undefined; s = s.next) {
      if (s.component === f.component && s.host === f.host && s.apiVersion === f.apiVersion) return s;
      last = s;
    }
    const made: SourceRecord = {
      component: f.component,
      host: f.host,
      apiVersion: f.apiVersion,
      tokens: this.opts.spamBurst,
      atMs: nowMs,
      aggregates: undefined,
      aggregateCount: 0,
      observations: undefined,
      observationCount: 0,
      next: undefined,
    };
    if (last === undefined) this.objects.set(objectKey, made);
    else last.next = made;
    return made;
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

function findAggregate(r: AggregateRecord | undefined, type: string, reason: string): AggregateRecord | undefined {
  for (; r !== undefined; r = r.next) if (r.reason === reason && r.type === type) return r;
  return undefined;
}

function findObservation(o: Observation | undefined, type: string, reason: string, message: string | undefined): Observation | undefined {
  for (; o !== undefined; o = o.next) if (o.message === message && o.reason === reason && o.type === type) return o;
  return undefined;
}

/**
 * `head`'s chain with `item` appended as the newest; with `length` (counting `item`) past OBSERVATIONS_PER_OBJECT
 * the oldest is dropped (the caller counts it out). Chains are short: the walk to the tail is cheap.
 */
function appendBounded<T extends { next: T | undefined }>(head: T | undefined, item: T, length: number): T {
  if (head === undefined) return item;
  let tail = head;
  while (tail.next !== undefined) tail = tail.next;
  tail.next = item;
  return length > OBSERVATIONS_PER_OBJECT ? (head.next as T) : head;
}

/** `head`'s chain without `item` (which is in it). */
function unlink<T extends { next: T | undefined }>(head: T | undefined, item: T): T | undefined {
  if (head === item) return item.next;
  for (let before = head; before !== undefined; before = before.next) {
    if (before.next === item) {
      before.next = item.next;
      break;
    }
  }
  return head;
}
