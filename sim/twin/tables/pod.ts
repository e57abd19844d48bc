// `kubectl get pods`: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES).
// upstream: pkg/printers/internalversion/printers.go printPod and its column definitions.

import { humanDuration, parseTime } from './duration.ts';
import { AGE_COLUMN, NAME_COLUMN, ageOf, column, meta, nameOf, wide } from './columns.ts';
import { int, isSet, list, present, rec, str, type JsonRecord } from './json.ts';
import type { PrintedRow, ResourcePrinter, TableRowCondition } from './types.ts';

const columns = [
  NAME_COLUMN,
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column('Restarts', 'string',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  AGE_COLUMN,
  wide('IP', 'string',
    'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
  wide('Node', 'string',
    'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.'),
  wide('Nominated Node', 'string',
    'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot schedule right away as preemption victims receive their graceful termination periods.'),
  wide('Readiness Gates', 'string',
    'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True"'),
];

const SUCCEEDED: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const FAILED: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

/** Latest of two restart times; undefined stands for Go's zero time. */
function later(current: number | undefined, lastState: unknown): number | undefined {
  const terminated = rec(lastState).terminated;
  if (!present(terminated)) return current;
  const t = parseTime(rec(terminated).finishedAt);
  if (t === undefined) return current;
  return current === undefined || current < t ? t : current;
}

function terminatedText(terminated: JsonRecord, prefix: string): string {
  if (str(terminated.reason) !== '') return prefix + str(terminated.reason);
  const signal = int(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(terminated.exitCode)}`;
}

function conditionStatus(status: JsonRecord, type: string): string | undefined {
  const found = list(status.conditions).map(rec).find((c) => str(c.type) === type);
  return found === undefined ? undefined : str(found.status);
}

function printPod(pod: JsonRecord, now: number): PrintedRow {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const phase = str(status.phase);
  let reason = str(status.reason) !== '' ? str(status.reason) : phase;
  for (const c of list(status.conditions).map(rec)) {
    if (str(c.type) === 'PodScheduled' && str(c.reason) === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = list(spec.initContainers).map(rec);
  // upstream: podutil.IsRestartableInitContainer — a sidecar counts as a regular container.
  const restartable = new Set(initSpecs.filter((c) => str(c.restartPolicy) === 'Always').map((c) => str(c.name)));
  const totalContainers = list(spec.containers).length + restartable.size;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  let initializing = false;
  const initStatuses = list(status.initContainerStatuses).map(rec);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const state = rec(c.state);
    const isSidecar = restartable.has(str(c.name));
    restarts += int(c.restartCount);
    lastRestart = later(lastRestart, c.lastState);
    if (isSidecar) {
      sidecarRestarts += int(c.restartCount);
      lastSidecarRestart = later(lastSidecarRestart, c.lastState);
    }
    const terminated = rec(state.terminated);
    const waitingReason = str(rec(state.waiting).reason);
    if (present(state.terminated) && int(terminated.exitCode) === 0) continue;
    if (isSidecar && c.started === true) {
      if (c.ready === true) readyContainers++;
      continue;
    }
    if (present(state.terminated)) reason = terminatedText(terminated, 'Init:');
    else if (present(state.waiting) && waitingReason !== '' && waitingReason !== 'PodInitializing') {
      reason = `Init:${waitingReason}`;
    } else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionStatus(status, 'Initialized') === 'True') {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = list(status.containerStatuses).map(rec);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      const state = rec(c.state);
      restarts += int(c.restartCount);
      lastRestart = later(lastRestart, c.lastState);
      const waitingReason = str(rec(state.waiting).reason);
      if (present(state.waiting) && waitingReason !== '') reason = waitingReason;
      else if (present(state.terminated)) reason = terminatedText(rec(state.terminated), '');
      else if (c.ready === true && present(state.running)) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A completed container next to one still running: the pod is not done yet.
    if (reason === 'Completed' && hasRunning) {
      const ready = list(status.conditions).map(rec).some((c) => str(c.type) === 'Ready' && str(c.status) === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  const deleting = isSet(meta(pod).deletionTimestamp);
  // upstream: pkg/util/node NodeUnreachablePodReason = "NodeLost"
  if (deleting && str(status.reason) === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  const restartsText = restarts !== 0 && lastRestart !== undefined
    ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
    : String(restarts);

  const cells: unknown[] = [nameOf(pod), `${readyContainers}/${totalContainers}`, reason, restartsText, ageOf(pod, now)];
  cells.push(...wideCells(spec, status));
  const row: PrintedRow = { cells };
  if (phase === 'Succeeded') row.conditions = SUCCEEDED;
  else if (phase === 'Failed') row.conditions = FAILED;
  return row;
}

function wideCells(spec: JsonRecord, status: JsonRecord): string[] {
  // v1 → internal conversion fills podIPs from podIP when only the latter is set.
  const podIPs = list(status.podIPs).map(rec);
  const podIP = podIPs.length > 0 ? str(podIPs[0]!.ip) : str(status.podIP);
  const gates = list(spec.readinessGates).map(rec);
  let readinessGates = '<none>';
  if (gates.length > 0) {
    const trueCount = gates.filter((g) => conditionStatus(status, str(g.conditionType)) === 'True').length;
    readinessGates = `${trueCount}/${gates.length}`;
  }
  return [
    podIP || '<none>',
    str(spec.nodeName) || '<none>',
    str(status.nominatedNodeName) || '<none>',
    readinessGates,
  ];
}

export const podPrinter: ResourcePrinter = { apiVersion: 'v1', kind: 'Pod', columns, print: printPod };
