// Kubelet knobs that TwinConfig does not carry (yet): upstream defaults, overridable per twin.
export interface KubeletOptions {
  /**
   * How long a container takes to exit after SIGTERM. The kubelet waits min(grace period, this): a well-behaved
   * app exits quickly (exit 0); one slower than its grace period is SIGKILLed (exit 137).
   */
  containerStopMs: number;
  /** upstream: kubelet nodeStatusReportFrequency, 5 min — an unchanged status is re-posted this often. */
  nodeStatusReportFrequencyMs: number;
  /** upstream: wait.JitterUntil(…, 0.04, …) for both the lease and the node status loops. */
  heartbeatJitterFactor: number;
  /**
   * Heartbeats land on multiples of this many ms. Lockstep time settles once per distinct instant, so 1,000 nodes
   * with free millisecond jitter cost ~100 settles per virtual second; on a 50 ms grid, at most 20. The 4% jitter
   * still spreads the nodes (8 steps of a 400 ms window). 1 = no grid.
   */
  heartbeatGridMs: number;
  /**
   * Record the kubelet's pod Events (Pulling, Pulled, Created, Started, Killing, SandboxChanged). Upstream does;
   * at 100,000 pods they are most of the kubelets' cost, so a benchmark or a long run may turn them off.
   */
  recordPodEvents: boolean;
  /** Simulated image size in the Pulled message (upstream reports the real one). */
  imageSizeBytes: number;
}

export const DEFAULT_KUBELET_OPTIONS: KubeletOptions = {
  containerStopMs: 1_000,
  nodeStatusReportFrequencyMs: 5 * 60_000,
  heartbeatJitterFactor: 0.04,
  heartbeatGridMs: 50,
  imageSizeBytes: 52_428_800,
  recordPodEvents: true,
};

/** Rejects knobs that would freeze or break the loops, up front (as kwok's constructors do). */
export function resolveKubeletOptions(partial: Partial<KubeletOptions> = {}): KubeletOptions {
  const o = { ...DEFAULT_KUBELET_OPTIONS, ...partial };
  for (const [k, v] of Object.entries(o)) {
    if (k === 'recordPodEvents') {
      if (typeof v !== 'boolean') throw new RangeError(`kubelet option recordPodEvents must be a boolean, got ${String(v)}`);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`kubelet option ${k} must be a finite number >= 0, got ${String(v)}`);
    }
  }
  if (o.heartbeatGridMs < 1 || !Number.isInteger(o.heartbeatGridMs)) throw new RangeError(`kubelet option heartbeatGridMs must be an integer >= 1, got ${o.heartbeatGridMs}`);
  if (o.nodeStatusReportFrequencyMs === 0) throw new RangeError('kubelet option nodeStatusReportFrequencyMs must be > 0');
  return o;
}
