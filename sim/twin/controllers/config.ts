// The twin's behaviour knobs. Defaults are upstream's; every one is a profile setting, because flight
// hardware wants tighter values than a data centre.

export interface PodStartDelay {
  imagePullMs: number;
  startMs: number;
  readinessMs: number;
  /** Uniform jitter added to each delay, from the seeded random stream. */
  jitterMs: number;
}

export interface TwinConfig {
  seed: number;
  /** upstream: kube-controller-manager --node-monitor-period, 5 s. */
  nodeMonitorPeriodMs: number;
  /** upstream: --node-monitor-grace-period, 50 s since 1.32 (40 s before). */
  nodeMonitorGracePeriodMs: number;
  /** upstream: kubelet node lease duration, 40 s. */
  leaseDurationSeconds: number;
  /** upstream: the kubelet renews its lease every 10 s (a quarter of the duration). */
  leaseRenewIntervalMs: number;
  /** upstream: kubelet --node-status-update-frequency 10 s (status is also sent on change). */
  nodeStatusUpdateMs: number;
  /** upstream: DefaultTolerationSeconds admission, 300 s. */
  defaultTolerationSeconds: number;
  podStartDelay: PodStartDelay;
  /** Time from power-on to a registered, Ready node. */
  bootDelayMs: number;
  /** Whether control-plane nodes form an etcd quorum that gates writes. */
  quorum: boolean;
  /** upstream: PodGC collects pods bound to a missing node after a 40 s quarantine (checked every 20 s). */
  podGcOrphanQuarantineMs: number;
  /** upstream: kube-apiserver --event-ttl, 1 h: an Event is deleted this long after its last write. 0 = never. */
  eventTtlMs: number;
}

export const DEFAULT_TWIN_CONFIG: TwinConfig = {
  seed: 1,
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 50_000,
  leaseDurationSeconds: 40,
  leaseRenewIntervalMs: 10_000,
  nodeStatusUpdateMs: 10_000,
  defaultTolerationSeconds: 300,
  podStartDelay: { imagePullMs: 0, startMs: 1_000, readinessMs: 1_000, jitterMs: 500 },
  bootDelayMs: 30_000,
  quorum: true,
  podGcOrphanQuarantineMs: 40_000,
  eventTtlMs: 3_600_000,
};

/**
 * Workload and disruption controllers sync one object at most this often (clock ms). Short against every
 * delay the twin simulates (pod start ~1 s, heartbeats 10 s), long enough to batch a kubelet's pod writes.
 */
export const WORKLOAD_SYNC_COALESCE_MS = 100;
