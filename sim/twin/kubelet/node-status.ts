// The node conditions a kubelet posts, and when it posts them. Pure.
// upstream: pkg/kubelet/nodestatus/setters.go (MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition,
// ReadyCondition) and pkg/kubelet/kubelet_node_status.go (tryUpdateNodeStatus, nodeStatusHasChanged).

export interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** What the simulated machine feels. The twin has no real pressure, so all false unless a test says otherwise. */
export interface NodeHealth {
  memoryPressure: boolean;
  diskPressure: boolean;
  pidPressure: boolean;
  ready: boolean;
}

export const HEALTHY: NodeHealth = { memoryPressure: false, diskPressure: false, pidPressure: false, ready: true };

interface Rule {
  type: string;
  /** Is the condition True for this health? */
  on: (h: NodeHealth) => boolean;
  trueReason: string;
  trueMessage: string;
  falseReason: string;
  falseMessage: string;
}

// upstream order of the setters, and their reasons and messages.
const RULES: readonly Rule[] = [
  { type: 'MemoryPressure', on: (h) => h.memoryPressure, trueReason: 'KubeletHasInsufficientMemory', trueMessage: 'kubelet has insufficient memory available', falseReason: 'KubeletHasSufficientMemory', falseMessage: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', on: (h) => h.diskPressure, trueReason: 'KubeletHasDiskPressure', trueMessage: 'kubelet has disk pressure', falseReason: 'KubeletHasNoDiskPressure', falseMessage: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', on: (h) => h.pidPressure, trueReason: 'KubeletHasInsufficientPID', trueMessage: 'kubelet has insufficient PID available', falseReason: 'KubeletHasSufficientPID', falseMessage: 'kubelet has sufficient PID available' },
  { type: 'Ready', on: (h) => h.ready, trueReason: 'KubeletReady', trueMessage: 'kubelet is posting ready status', falseReason: 'KubeletNotReady', falseMessage: 'container runtime is down' },
];

/** upstream: the event each setter records when its condition changes (recordNodeStatusEvent). */
function eventFor(type: string, status: boolean): string {
  switch (type) {
    case 'MemoryPressure':
      return status ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory';
    case 'DiskPressure':
      return status ? 'NodeHasDiskPressure' : 'NodeHasNoDiskPressure';
    case 'PIDPressure':
      return status ? 'NodeHasInsufficientPID' : 'NodeHasSufficientPID';
    default:
      return status ? 'NodeReady' : 'NodeNotReady';
  }
}

export interface ConditionsResult {
  conditions: NodeCondition[];
  /** Reasons of Node events to record ("Node x status is now: <reason>"), in setter order. */
  events: string[];
  /** Anything but heartbeat times differs from `current` (upstream: nodeStatusHasChanged). */
  changed: boolean;
}

/**
 * The conditions the kubelet would post now, starting from what the API holds (so a Ready=Unknown written by the
 * node lifecycle controller is a change the kubelet reports at once). Conditions the kubelet does not own are kept.
 */
export function nodeConditions(current: readonly NodeCondition[] | undefined, health: NodeHealth, now: string): ConditionsResult {
  const events: string[] = [];
  let changed = false;
  const byType = new Map((current ?? []).map((c) => [c.type, c]));
  const owned: NodeCondition[] = RULES.map((rule) => {
    const on = rule.on(health);
    const status = on ? 'True' : 'False';
    const prev = byType.get(rule.type);
    const transition = prev?.status !== status;
    if (transition) events.push(eventFor(rule.type, on));
    const next: NodeCondition = {
      type: rule.type,
      status,
      lastHeartbeatTime: now,
      lastTransitionTime: transition || !prev?.lastTransitionTime ? now : prev.lastTransitionTime,
      reason: on ? rule.trueReason : rule.falseReason,
      message: on ? rule.trueMessage : rule.falseMessage,
    };
    if (!prev || transition || prev.reason !== next.reason || prev.message !== next.message || prev.lastTransitionTime !== next.lastTransitionTime) {
      changed = true;
    }
    return next;
  });
  const ownedTypes = new Set(RULES.map((r) => r.type));
  const others = (current ?? []).filter((c) => !ownedTypes.has(c.type));
  return { conditions: [...others, ...owned], events, changed };
}

/** upstream: tryUpdateNodeStatus posts when the status changed or nodeStatusReportFrequency has passed. */
export function shouldReportStatus(changed: boolean, lastReportMs: number | undefined, nowMs: number, frequencyMs: number): boolean {
  return changed || lastReportMs === undefined || nowMs - lastReportMs >= frequencyMs;
}
