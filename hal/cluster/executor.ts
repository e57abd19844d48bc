// ActionExecutor: applies one Action to the cluster — behind the arming interlock and the scope
// guard, idempotently (applying it twice is applying it once), or in dry-run only says what it would do.
import { ClusterError } from './errors.ts';
import type { Clock } from '../../sim/core/index.ts';
import {
  ANNOTATION_ATTACHED, ANNOTATION_FAULT, ANNOTATION_POWER, ATTACHED_FALSE, TAINT_OUT_OF_SERVICE, TAINT_POWER_DEGRADED,
  linkAnnotation, type Action, type AlarmAction, type NodeTarget,
} from '../signals/index.ts';
import { mayRun } from '../sources/serial/index.ts';
import type { Cluster, NodeInfo } from './cluster.ts';
import type { NodeLister } from './node-cache.ts';
import { DEFAULT_DRAIN, drainNodes, evictionCandidates, shedPods, type DrainOptions } from './evictions.ts';
import { describeTarget, resolveTarget } from './scope.ts';
import { trace, TRACE_WRITE } from './trace.ts';

export type ExecStatus = 'applied' | 'refused' | 'failed' | 'dry-run';

export interface ExecResult {
  readonly status: ExecStatus;
  /** In words: what was done, refused or would be done. */
  readonly detail: string;
  /** Each write, in order ("cordon node s1-a"); in dry-run, each write it would make. */
  readonly steps: readonly string[];
  /** Alarms raised while applying (scope violations, refusals while SAFE) and alarm actions themselves. */
  readonly alarms: readonly AlarmAction[];
}

/** Anything with `armed` (hal/sources/serial ArmState, or a constant). */
export interface ArmSource {
  readonly armed: boolean;
  status?(): { readonly reason: string };
}

export interface ExecutorOptions {
  readonly cluster: Cluster;
  /** Acts only on nodes labelled kis.dev/vehicle=<vehicle>. */
  readonly vehicle: string;
  readonly clock: Clock;
  readonly arm: ArmSource;
  readonly dryRun?: boolean;
  /** Namespace for workloads that name none. */
  readonly namespace?: string;
  readonly drain?: Partial<DrainOptions>;
  /** Where the scope guard reads nodes (a NodeCache); default the cluster itself, a LIST per action. */
  readonly nodes?: NodeLister;
  /**
   * Writes to the nodes of one action concurrently (one round trip for a stage, not one per node).
   * Off by default: lockstep runs on the twin want the writes in a reproducible order.
   */
  readonly parallel?: boolean;
}

export class ActionExecutor {
  private readonly o: ExecutorOptions;
  private readonly drain: DrainOptions;
  private seq = 0;
  private readonly cutShort = new Set<string>();

  constructor(options: ExecutorOptions) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(options.vehicle)) throw new RangeError(`executor: vehicle ${JSON.stringify(options.vehicle)} is not a label value kis could have set`);
    this.o = options;
    this.drain = { ...DEFAULT_DRAIN, ...options.drain };
  }

  /**
   * Ends a drain of `stage` that is waiting on PodDisruptionBudgets: the stage is separating, and the
   * detach queued behind the drain must not wait for the drain's timeout. Call it when a detach is decided.
   */
  cancelDrain(stage: string): void {
    this.cutShort.add(stage);
  }

  /**
   * Applies `action`. `id` names its Events, so re-applying the same action id after a crash posts
   * no second Event. Throws ClusterError when the API fails (the queue retries retryable ones).
   */
  async apply(action: Action, id = `x${++this.seq}`): Promise<ExecResult> {
    if (action.type === 'alarm') return { status: 'applied', detail: `alarm ${action.alarm} ${action.state}: ${action.message}`, steps: [], alarms: [action] };
    if (!mayRun(action, this.o.arm)) {
      const why = this.o.arm.status?.().reason ?? 'not armed';
      const alarm = this.alarm('refused-safe', action.type, `refused ${action.type} while SAFE (${why})`, action.cause);
      return { status: 'refused', detail: alarm.message, steps: [], alarms: [alarm] };
    }
    const run = new Run(this.o.dryRun === true);
    const detail = await this.dispatch(action, id, run);
    const status: ExecStatus = run.failed ? 'failed' : run.refusedAll ? 'refused' : this.o.dryRun ? 'dry-run' : 'applied';
    return { status, detail, steps: run.steps, alarms: run.alarms };
  }

  private async dispatch(a: Exclude<Action, AlarmAction>, id: string, run: Run): Promise<string> {
    const c = this.o.cluster;
    switch (a.type) {
      case 'cordon-stage':
        return this.onNodes(stage(a.stage), a, run, (n) => run.write(`cordon node ${n.name}`, () => c.cordon(n.name)));
      case 'drain-stage':
        return this.onNodes(stage(a.stage), a, run, undefined, async (nodes) => {
          const names = nodes.map((n) => n.name);
          for (const n of nodes) await run.write(`cordon node ${n.name}`, () => c.cordon(n.name));
          if (run.dry) return `would evict ${(await evictionCandidates(c, names)).join(', ') || 'nothing'}`;
          const r = await drainNodes(c, names, this.o.clock, { ...this.drain, cancelled: () => this.cutShort.has(a.stage) });
          for (const p of r.evicted) run.steps.push(`evict pod ${p}`);
          if (r.blocked.length > 0) run.fail();
          const why = this.cutShort.has(a.stage) ? 'was cut short by the separation' : `gave up after ${this.drain.timeoutMs} ms`;
          return r.blocked.length > 0
            ? `drain of stage ${a.stage} ${why}: PodDisruptionBudgets still refuse ${r.blocked.join(', ')}`
            : `drained stage ${a.stage}: evicted ${r.evicted.length} pod(s)`;
        });
      case 'detach-stage':
        return this.onNodes(stage(a.stage), a, run, async (n) => {
          await run.write(`taint node ${n.name} ${TAINT_OUT_OF_SERVICE.key}`, () => c.setTaint(n.name, TAINT_OUT_OF_SERVICE, true, n));
          await run.write(`annotate node ${n.name} ${ANNOTATION_ATTACHED}=${ATTACHED_FALSE}`, () => c.annotate(n.name, { [ANNOTATION_ATTACHED]: ATTACHED_FALSE }));
          await run.write(`delete node ${n.name}`, () => c.deleteNode(n.name));
        });
      case 'brownout-taint':
      case 'brownout-untaint': {
        const on = a.type === 'brownout-taint';
        return this.onNodes(a.target, a, run, (n) =>
          run.write(`${on ? 'taint' : 'untaint'} node ${n.name} ${TAINT_POWER_DEGRADED.key}`, () => c.setTaint(n.name, TAINT_POWER_DEGRADED, on, n)));
      }
      case 'shed-pods':
        return this.onNodes(a.target, a, run, undefined, async (nodes) => {
          const names = nodes.map((n) => n.name);
          if (run.dry) return `would evict ${(await evictionCandidates(c, names, a.belowPriority)).join(', ') || 'nothing'}`;
          const r = await shedPods(c, names, a.belowPriority);
          for (const p of r.evicted) run.steps.push(`evict pod ${p}`);
          return `shed ${r.evicted.length} pod(s) below priority ${a.belowPriority}${r.blocked.length ? `; PDBs kept ${r.blocked.join(', ')}` : ''}`;
        });
      case 'power-off':
      case 'power-on':
        return this.annotateAll(a.target, a, run, { [ANNOTATION_POWER]: a.type === 'power-off' ? 'off' : 'on' });
      case 'link-lost':
      case 'link-acquired':
        return this.annotateAll(a.target, a, run, { [linkAnnotation(a.link)]: a.type === 'link-lost' ? 'lost' : 'acquired' });
      case 'node-fault':
        return this.annotateAll(a.target, a, run, { [ANNOTATION_FAULT]: a.fault === 'clear' ? null : a.fault });
      case 'annotate-node':
        return this.annotateAll(a.target, a, run, a.annotations);
      case 'label-node':
        return this.onNodes(a.target, a, run, (n) => run.write(`label node ${n.name} ${fmt(a.labels)}`, () => c.label(n.name, a.labels)));
      case 'emit-event':
        // Events are best effort, as upstream's recorder: while the API refuses writes (quorum lost) the event
        // is dropped rather than holding up the ordered queue — power-on waiting behind it would never come.
        return this.onNodes(a.target, a, run, (n) =>
          run.write(`event ${a.reason} on node ${n.name}`, () =>
            c.postNodeEvent({ name: `${n.name}.kis-${slug(id)}`, node: n.name, nodeUid: n.uid, reason: a.reason, type: a.eventType, message: a.message, at: this.o.clock.now() }).catch((e: unknown) => {
              if (e instanceof ClusterError && e.retryable) {
                run.steps.push(`event ${a.reason} on node ${n.name} dropped: ${e.message}`);
                return;
              }
              throw e;
            })));
      case 'scale-workload': {
        const ns = a.namespace ?? this.o.namespace ?? 'default';
        await run.write(`scale deployment ${ns}/${a.workload} to ${a.replicas}`, () => c.scaleDeployment(ns, a.workload, a.replicas));
        return run.steps.join('; ');
      }
      case 'rollout-image': {
        const ns = a.namespace ?? this.o.namespace ?? 'default';
        await run.write(`set image deployment ${ns}/${a.workload} ${a.container ?? '(first container)'}=${a.image}`, () =>
          c.setDeploymentImage(ns, a.workload, a.container, a.image));
        return run.steps.join('; ');
      }
    }
  }

  private annotateAll(target: NodeTarget, a: Action, run: Run, annotations: Readonly<Record<string, string | null>>): Promise<string> {
    return this.onNodes(target, a, run, (n) => run.write(`annotate node ${n.name} ${fmt(annotations)}`, () => this.o.cluster.annotate(n.name, annotations)));
  }

  /** Resolves the target through the scope guard, then runs `each` per node (or `all` once). */
  private async onNodes(
    target: NodeTarget, a: Action, run: Run,
    each?: (n: NodeInfo) => Promise<void>, all?: (nodes: readonly NodeInfo[]) => Promise<string>,
  ): Promise<string> {
    const { ours, foreign } = await resolveTarget(this.o.nodes ?? this.o.cluster, this.o.vehicle, target);
    if (foreign.length > 0) {
      const names = foreign.map((n) => n.name).join(', ');
      run.alarms.push(this.alarm('scope-violation', names,
        `${a.type} on ${describeTarget(target)} matched node(s) ${names} not labelled kis.dev/vehicle=${this.o.vehicle}; refused them`, a.cause));
      if (ours.length === 0) run.refusedAll = true;
    }
    if (ours.length === 0) return foreign.length > 0 ? `refused: only foreign nodes match ${describeTarget(target)}` : `no node of ${describeTarget(target)} (already gone): nothing to do`;
    if (all) return all(ours);
    if (each) {
      // A node deleted since it was listed (or since the cache saw it) is one less to act on, not a failure.
      const one = (n: NodeInfo) => each(n).catch((e: unknown) => {
        if (!(e instanceof ClusterError && e.notFound)) throw e;
        run.steps.push(`node ${n.name} already gone`);
      });
      if (this.o.parallel) await settleAll(await staggered(ours, one));
      else for (const n of ours) await one(n);
    }
    return `${run.dry ? 'would ' : ''}${a.type} on ${ours.map((n) => n.name).join(', ')}`;
  }

  private alarm(kind: string, subject: string, message: string, cause?: string): AlarmAction {
    return { type: 'alarm', alarm: kind, state: 'raised', subject, message, ...(cause === undefined ? {} : { cause }) };
  }
}

/** The steps of one apply: every write goes through write(), so a dry run is the same code minus the calls. */
class Run {
  readonly steps: string[] = [];
  readonly alarms: AlarmAction[] = [];
  refusedAll = false;
  failed = false;
  constructor(readonly dry: boolean) {}

  async write(step: string, fn: () => Promise<void>): Promise<void> {
    this.steps.push(step);
    if (this.dry) return;
    trace(TRACE_WRITE, () => ({ phase: 'start', step }));
    await fn();
    trace(TRACE_WRITE, () => ({ phase: 'end', step }));
  }

  fail(): void {
    this.failed = true;
  }
}

const stage = (name: string): NodeTarget => ({ by: 'stage', name });

/**
 * Starts `each` for every node, the next one only after a nextTick: an HTTP request reaches its (pooled)
 * socket in a nextTick of its own (ClientRequest.onSocket), so the first node's request is on the wire
 * before the second is even built — building six requests first cost the first one ~0.5 ms on a cold core.
 * The writes still run concurrently; failures are left for settleAll (a handler is attached at once).
 */
async function staggered(nodes: readonly NodeInfo[], each: (n: NodeInfo) => Promise<void>): Promise<Array<Promise<void>>> {
  const writes: Array<Promise<void>> = [];
  for (const [i, n] of nodes.entries()) {
    if (i > 0) await new Promise<void>((r) => process.nextTick(r));
    const w = each(n);
    w.catch(() => undefined);
    writes.push(w);
  }
  return writes;
}

/** Waits for every write (none left running behind a retry of the action), then throws the first failure. */
async function settleAll(writes: ReadonlyArray<Promise<void>>): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

function fmt(m: Readonly<Record<string, string | null>>): string {
  return Object.entries(m).map(([k, v]) => (v === null ? `${k}-` : `${k}=${v}`)).join(',');
}

/** An action id as the tail of an Event name (DNS subdomain: lower-case alphanumerics, '-', '.'). */
function slug(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 100) || 'x';
}

