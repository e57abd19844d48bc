// Semantic checks on cluster knobs, priority classes and workloads.

import type { CheckContext } from './check-context.ts';
import { DEFAULTS, SYSTEM_PRIORITY_CLASSES } from './defaults.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { parseQuantity } from './quantity.ts';
import { hasUnknownKeys, rec, records, str, strMap, type Raw } from './raw.ts';

function checkCluster(ctx: CheckContext, cluster: Raw): void {
  const lease = parseDuration(cluster.leaseDuration) ?? DEFAULTS.leaseDurationMs;
  const renew = parseDuration(cluster.leaseRenewInterval) ?? DEFAULTS.leaseRenewIntervalMs;
  if (renew >= lease) {
    const key = cluster.leaseRenewInterval !== undefined ? 'leaseRenewInterval' : 'leaseDuration';
    ctx.add(['cluster', key], `leaseRenewInterval (${formatDuration(renew)}) must be shorter than leaseDuration (${formatDuration(lease)}), or every node's lease expires between renewals`);
  }
  const grace = parseDuration(cluster.nodeMonitorGracePeriod) ?? DEFAULTS.nodeMonitorGracePeriodMs;
  const period = parseDuration(cluster.nodeMonitorPeriod) ?? DEFAULTS.nodeMonitorPeriodMs;
  if (period === 0) ctx.add(['cluster', 'nodeMonitorPeriod'], 'nodeMonitorPeriod must be greater than 0s');
  else if (period > grace) {
    const key = cluster.nodeMonitorPeriod !== undefined ? 'nodeMonitorPeriod' : 'nodeMonitorGracePeriod';
    ctx.add(['cluster', key], `nodeMonitorPeriod (${formatDuration(period)}) must not exceed nodeMonitorGracePeriod (${formatDuration(grace)})`);
  }
}

function checkPdb(ctx: CheckContext, pdb: Raw, at: Array<string | number>): void {
  const has = ['minAvailable', 'maxUnavailable'].filter((k) => pdb[k] !== undefined);
  // upstream: pkg/apis/policy/validation ValidatePodDisruptionBudgetSpec — exactly one may be set
  if (has.length === 2) ctx.add([...at, 'maxUnavailable'], 'minAvailable and maxUnavailable cannot both be set');
  if (has.length === 0 && !hasUnknownKeys(pdb, ['minAvailable', 'maxUnavailable'])) ctx.add(at, 'missing "minAvailable" or "maxUnavailable"');
  for (const k of has) {
    const v = pdb[k];
    if (typeof v === 'string' && /^[0-9]+%$/.test(v) && Number(v.slice(0, -1)) > 100) {
      ctx.add([...at, k], `a percentage must be at most 100%, got "${v}"`);
    }
  }
}

function checkTolerations(ctx: CheckContext, value: unknown, base: Array<string | number>): void {
  for (const [t, i] of records(value)) {
    const at = [...base, i];
    const op = str(t.operator) ?? 'Equal';
    // upstream: pkg/apis/core/validation validateTolerations
    if ((t.key === undefined || t.key === '') && op !== 'Exists') ctx.add([...at, 'operator'], 'operator must be Exists when key is empty');
    if (op === 'Exists' && t.value !== undefined && t.value !== '') ctx.add([...at, 'value'], 'value must be empty when operator is Exists');
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') ctx.add([...at, 'tolerationSeconds'], 'tolerationSeconds needs effect NoExecute');
  }
}

/** A pod of this workload must fit on at least one node its nodeSelector allows, or it is Pending forever. */
function checkPlacement(ctx: CheckContext, w: Raw, at: Array<string | number>): void {
  const selector = strMap(w.nodeSelector);
  const requests = rec(w.requests) ?? {};
  const cpu = parseQuantity(requests.cpu ?? DEFAULTS.requests.cpu);
  const memory = parseQuantity(requests.memory ?? DEFAULTS.requests.memory);
  const nodes = [...ctx.names.nodes.values()];
  if (nodes.length === 0) return;
  const selected = nodes.filter((n) => Object.entries(selector).every(([k, v]) => n.labels[k] === v));
  if (selected.length === 0) {
    const wanted = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
    ctx.add([...at, 'nodeSelector'], `no node has the labels ${wanted}`);
    return;
  }
  const fits = selected.some((n) => {
    const nodeCpu = parseQuantity(n.raw.cpu ?? DEFAULTS.node.cpu);
    const nodeMem = parseQuantity(n.raw.memory ?? DEFAULTS.node.memory);
    return (cpu === undefined || nodeCpu === undefined || cpu <= nodeCpu) && (memory === undefined || nodeMem === undefined || memory <= nodeMem);
  });
  if (!fits) ctx.add([...at, 'requests'], 'the requests exceed the cpu or memory of every node the workload may run on; its pods would stay Pending');
}

export function checkWorkloads(ctx: CheckContext, root: Raw): void {
  const cluster = rec(root.cluster);
  if (cluster) checkCluster(ctx, cluster);
  const classes = records(root.priorityClasses);
  ctx.unique(classes, ['priorityClasses'], 'priority class');
  for (const [pc, i] of classes) {
    // upstream: pkg/apis/scheduling/validation — the system- prefix is reserved
    if (str(pc.name)?.startsWith('system-')) ctx.add(['priorityClasses', i, 'name'], 'names starting with "system-" are reserved for the built-in classes');
  }
  const workloads = records(root.workloads);
  ctx.unique(workloads, ['workloads'], 'workload');
  const classNames = [...ctx.names.priorityClasses, ...SYSTEM_PRIORITY_CLASSES];
  for (const [w, i] of workloads) {
    const at = ['workloads', i];
    if (w.kind === 'DaemonSet' && w.replicas !== undefined) {
      ctx.add([...at, 'replicas'], 'a DaemonSet has no replicas: it runs one pod on every node it may run on', 'key');
    }
    ctx.ref([...at, 'priorityClass'], w.priorityClass, classNames, 'priority class');
    const pdb = rec(w.pdb);
    if (pdb) checkPdb(ctx, pdb, [...at, 'pdb']);
    checkTolerations(ctx, w.tolerations, [...at, 'tolerations']);
    checkPlacement(ctx, w, at);
  }
}
