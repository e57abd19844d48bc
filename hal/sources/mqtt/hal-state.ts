// Pure: the HAL's state as the retained topics under kis/<vehicle>/state/ (docs/mqtt-topics.md).
// A snapshot goes in, a map of state path → JSON value comes out; the outbound publisher diffs maps.
import {
  ANNOTATION_ATTACHED, ANNOTATION_POWER, ATTACHED_FALSE, LABEL_POWER_BUS, LABEL_STAGE,
  type AlarmAction, type JsonValue,
} from '../../signals/index.ts';
import { isTopicLevel } from '../../mqtt/index.ts';
import type { SourceStatus } from '../source.ts';

/** The few fields of a Node the summary needs (hal/cluster's NodeInfo has them). */
export interface NodeLike {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly ready?: string;
  readonly unschedulable?: boolean;
}

export interface HalSnapshot {
  readonly armed: boolean;
  readonly dryRun: boolean;
  readonly queueDepth: number;
  readonly sources: readonly SourceStatus[];
  /** Undefined while nobody observes the cluster: no state/nodes topics are published then. */
  readonly nodes?: readonly NodeLike[];
  /** Alarms raised and not yet cleared. */
  readonly alarms: readonly AlarmAction[];
}

export interface NodeSummary {
  [key: string]: JsonValue;
  /** The Ready condition: "True" | "False" | "Unknown" (upstream NodeCondition status). */
  ready: string;
  /** sim.kis.dev/power, "on" when absent (a node that nobody powered off). */
  power: string;
  /** false once the HAL has detached the node's stage (sim.kis.dev/attached: "false"). */
  attached: boolean;
  cordoned: boolean;
  stage: string | null;
  bus: string | null;
}

export function nodeSummary(n: NodeLike): NodeSummary {
  return {
    ready: n.ready ?? 'Unknown',
    power: n.annotations[ANNOTATION_POWER] ?? 'on',
    attached: n.annotations[ANNOTATION_ATTACHED] !== ATTACHED_FALSE,
    cordoned: n.unschedulable ?? false,
    stage: n.labels[LABEL_STAGE] ?? null,
    bus: n.labels[LABEL_POWER_BUS] ?? null,
  };
}

/**
 * state/online, state/arm, state/queue, state/sources, state/alarms and one state/nodes/<node> per
 * node. Source counters are left out on purpose: they change with every message and would turn a
 * retained state topic into a firehose; the status line and the log carry them.
 */
export function stateMessages(s: HalSnapshot): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  out.set('online', true);
  out.set('arm', { armed: s.armed, mode: s.armed ? 'ARMED' : 'SAFE', dryRun: s.dryRun });
  out.set('queue', { depth: s.queueDepth });
  out.set('sources', s.sources.map((src) => ({ name: src.name, connected: src.connected, ...(src.error === undefined ? {} : { error: src.error }) })));
  out.set('alarms', s.alarms.map((a) => ({ alarm: a.alarm, subject: a.subject, message: a.message })));
  for (const n of s.nodes ?? []) {
    // Node names are DNS subdomains, always one topic level; the guard is for foreign input.
    if (isTopicLevel(n.name)) out.set(`nodes/${n.name}`, nodeSummary(n));
  }
  return out;
}

/** Raised-and-not-cleared alarms, keyed by alarm kind and subject (a cleared alarm removes its raise). */
export class ActiveAlarms {
  private readonly active = new Map<string, AlarmAction>();
  /** Bound so a flood of distinct subjects (a device spraying topics) cannot grow the state forever. */
  constructor(private readonly max = 100) {}

  /** True when the set changed. */
  apply(a: AlarmAction): boolean {
    const key = `${a.alarm}\u0000${a.subject}`;
    if (a.state === 'cleared') return this.active.delete(key);
    this.active.delete(key); // re-insert: the newest raise goes last (its message may have changed)
    this.active.set(key, a);
    if (this.active.size > this.max) this.active.delete(this.active.keys().next().value!);
    return true;
  }

  list(): AlarmAction[] {
    return [...this.active.values()];
  }
}
