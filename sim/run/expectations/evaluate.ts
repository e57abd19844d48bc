// Judges a run: every profile expectation evaluated over the journal's cluster records (pure).
import type { ClusterRecord, JournalRecord } from '../../../hal/signals/index.ts';
import type { Expectation, Profile } from '../../profile/index.ts';
import { formatMissionTime } from '../../profile/index.ts';
import { nodeData, podData } from './records.ts';
import { steps, valueAt, within, type Step } from './step.ts';

export interface ExpectationResult {
  name: string;
  type: Expectation['type'];
  status: 'pass' | 'fail';
  /** The worst value seen, in words ("2 ready (needs 3)", "pending 95 s"). */
  worst: string;
  /** Mission time of the first failure, or of the worst value when it passed. */
  at?: number;
  message: string;
}

interface PodState {
  workload?: string;
  ready: boolean;
  phase?: string;
  priorityClass?: string;
  lost: boolean;
  pendingSince?: number;
}

/** Everything the judge needs, built once from the records. */
export interface ClusterHistory {
  readyByWorkload: Map<string, Step<number>[]>;
  readyByPriorityClass: Map<string, Step<number>[]>;
  pendingIntervals: { pod: string; workload?: string; from: number; to: number }[];
  lost: { pod: string; priorityClass?: string; t: number }[];
  quorum: Step<boolean>[];
  end: number;
}

export function buildHistory(records: readonly JournalRecord[], end: number): ClusterHistory {
  const pods = new Map<string, PodState>();
  const readyCount = new Map<string, number>();
  const classCount = new Map<string, number>();
  const readySamples = new Map<string, Step<number>[]>();
  const classSamples = new Map<string, Step<number>[]>();
  const pendingIntervals: ClusterHistory['pendingIntervals'] = [];
  const lost: ClusterHistory['lost'] = [];
  const cp = new Map<string, boolean>();
  const quorumSamples: Step<boolean>[] = [];
  const bump = (counts: Map<string, number>, samples: Map<string, Step<number>[]>, key: string | undefined, by: number, t: number) => {
    if (!key || by === 0) return;
    const n = (counts.get(key) ?? 0) + by;
    counts.set(key, n);
    let list = samples.get(key);
    if (!list) samples.set(key, (list = []));
    list.push({ t, value: n });
  };

  for (const r of records) {
    if (r.kind !== 'cluster') continue;
    if (r.resource === 'pods') applyPod(r);
    else if (r.resource === 'nodes') applyNode(r);
  }
  for (const [pod, s] of pods) {
    if (s.pendingSince !== undefined) pendingIntervals.push({ pod, ...(s.workload ? { workload: s.workload } : {}), from: s.pendingSince, to: end });
  }
  return {
    readyByWorkload: new Map([...readySamples].map(([k, v]) => [k, steps(v, 0)])),
    readyByPriorityClass: new Map([...classSamples].map(([k, v]) => [k, steps(v, 0)])),
    pendingIntervals,
    lost,
    quorum: steps(quorumSamples, true),
    end,
  };

  function applyPod(r: ClusterRecord): void {
    const key = `${r.namespace ?? ''}/${r.name}`;
    const prev = pods.get(key);
    const d = podData(r);
    const gone = r.op === 'deleted';
    const next: PodState = {
      workload: d.workload ?? prev?.workload,
      priorityClass: d.priorityClass ?? prev?.priorityClass,
      ready: !gone && (d.ready ?? false),
      phase: d.phase ?? prev?.phase,
      lost: (prev?.lost ?? false) || d.lost === true,
    };
    const wasReady = prev?.ready ?? false;
    const delta = (next.ready ? 1 : 0) - (wasReady ? 1 : 0);
    bump(readyCount, readySamples, next.workload, delta, r.t);
    bump(classCount, classSamples, next.priorityClass, delta, r.t);
    if (next.lost && !(prev?.lost ?? false)) lost.push({ pod: key, ...(next.priorityClass ? { priorityClass: next.priorityClass } : {}), t: r.t });
    // Pending: from the pod's first sight until it runs or goes.
    const pendingNow = !gone && next.phase !== 'Running' && next.phase !== 'Succeeded' && next.phase !== 'Failed';
    const since = prev?.pendingSince ?? (prev ? undefined : r.t);
    if (pendingNow) next.pendingSince = since ?? r.t;
    else if (since !== undefined) pendingIntervals.push({ pod: key, ...(next.workload ? { workload: next.workload } : {}), from: since, to: r.t });
    if (gone) pods.delete(key);
    else pods.set(key, next);
  }

  function applyNode(r: ClusterRecord): void {
    const d = nodeData(r);
    if (d.role !== 'control-plane' && !cp.has(r.name)) return;
    cp.set(r.name, r.op !== 'deleted' && d.power !== 'off' && d.attached !== false);
    const healthy = [...cp.values()].filter(Boolean).length;
    quorumSamples.push({ t: r.t, value: healthy * 2 > cp.size });
  }
}

export function evaluateExpectations(profile: Profile, records: readonly JournalRecord[]): ExpectationResult[] {
  const h = buildHistory(records, profile.durationMs);
  return profile.expectations.map((e) => evaluateOne(e, profile, h));
}

function windowOf(e: Expectation, profile: Profile): { from: number; to: number } {
  let from = e.during === 'always' ? profile.startMs : e.during.fromMs;
  const to = e.during === 'always' ? profile.durationMs : e.during.toMs;
  if (e.after && e.type !== 'recoverWithin') from = Math.max(from, e.after.atMs);
  return { from, to };
}

const T = (ms: number) => formatMissionTime(ms);

export function evaluateOne(e: Expectation, profile: Profile, h: ClusterHistory): ExpectationResult {
  const { from, to } = windowOf(e, profile);
  const base = { name: e.name, type: e.type };
  switch (e.type) {
    case 'minReady':
    case 'serviceAvailable': {
      const need = e.type === 'minReady' ? e.count : 1;
      const fn = h.readyByWorkload.get(e.workload) ?? steps([], 0);
      const seen = within(fn, from, to);
      const worst = seen.reduce((a, s) => (s.value < a.value ? s : a), seen[0]!);
      const firstBad = seen.find((s) => s.value < need);
      const what = e.type === 'minReady' ? `${worst.value} ready (needs ${need})` : `${worst.value} ready endpoint(s)`;
      return {
        ...base,
        status: firstBad ? 'fail' : 'pass',
        worst: what,
        at: (firstBad ?? worst).t,
        message: firstBad
          ? `${e.workload} had ${firstBad.value} ready at ${T(firstBad.t)}; needs ${need}`
          : `${e.workload} kept >= ${need} ready from ${T(from)} to ${T(to)} (lowest ${worst.value} at ${T(worst.t)})`,
      };
    }
    case 'recoverWithin': {
      const fn = h.readyByWorkload.get(e.workload) ?? steps([], 0);
      const start = e.after.atMs;
      const deadline = start + e.withinMs;
      const atDeadline = valueAt(fn, deadline);
      // When did the count last reach the target (and stay there) before the deadline?
      const seen = within(fn, start, deadline);
      let recoveredAt: number | undefined;
      for (const s of seen) {
        if (s.value >= e.count) recoveredAt ??= s.t;
        else recoveredAt = undefined;
      }
      const ok = atDeadline >= e.count && recoveredAt !== undefined;
      return {
        ...base,
        status: ok ? 'pass' : 'fail',
        worst: ok ? `recovered after ${((recoveredAt! - start) / 1000).toFixed(1)} s` : `${atDeadline} ready at the deadline (needs ${e.count})`,
        at: ok ? recoveredAt! : deadline,
        message: ok
          ? `${e.workload} back to ${e.count} ready at ${T(recoveredAt!)}, within ${e.withinMs / 1000} s of ${T(start)}`
          : `${e.workload} had ${atDeadline} ready at ${T(deadline)}, ${e.withinMs / 1000} s after ${T(start)}; needs ${e.count}`,
      };
    }
    case 'maxPendingDuration': {
      let worst = { pod: '', ms: 0, from };
      for (const p of h.pendingIntervals) {
        if (e.workload && p.workload !== e.workload) continue;
        const a = Math.max(p.from, from);
        const b = Math.min(p.to, to);
        if (b - a > worst.ms) worst = { pod: p.pod, ms: b - a, from: a };
      }
      const ok = worst.ms <= e.durationMs;
      return {
        ...base,
        status: ok ? 'pass' : 'fail',
        worst: `pending ${(worst.ms / 1000).toFixed(1)} s${worst.pod ? ` (${worst.pod})` : ''}`,
        at: ok ? worst.from : worst.from + e.durationMs,
        message: ok
          ? `no pod pending longer than ${e.durationMs / 1000} s (longest ${(worst.ms / 1000).toFixed(1)} s)`
          : `${worst.pod} pending ${(worst.ms / 1000).toFixed(1)} s from ${T(worst.from)}; limit ${e.durationMs / 1000} s`,
      };
    }
    case 'quorumHeld': {
      const seen = within(h.quorum, from, to);
      const lostAt = seen.find((s) => !s.value);
      return {
        ...base,
        status: lostAt ? 'fail' : 'pass',
        worst: lostAt ? 'quorum lost' : 'quorum held',
        ...(lostAt ? { at: lostAt.t } : {}),
        message: lostAt ? `control-plane quorum lost at ${T(lostAt.t)}` : `control-plane quorum held from ${T(from)} to ${T(to)}`,
      };
    }
    case 'noPodLost': {
      const lost = h.lost.filter((l) => l.priorityClass === e.priorityClass && l.t >= from && l.t <= to);
      return {
        ...base,
        status: lost.length ? 'fail' : 'pass',
        worst: `${lost.length} lost`,
        ...(lost.length ? { at: lost[0]!.t } : {}),
        message: lost.length
          ? `${lost.length} ${e.priorityClass} pod(s) lost, first ${lost[0]!.pod} at ${T(lost[0]!.t)}`
          : `no ${e.priorityClass} pod lost`,
      };
    }
  }
}
