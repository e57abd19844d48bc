// A profile's cluster knobs as the twin's configuration (upstream defaults fill what the profile leaves out).
import type { Profile } from '../profile/index.ts';
import { DEFAULT_TWIN_CONFIG, type TwinConfig } from '../twin/index.ts';

export function twinConfig(profile: Profile, seed?: number): TwinConfig {
  const c = profile.cluster;
  return {
    ...DEFAULT_TWIN_CONFIG,
    seed: seed ?? c.seed,
    nodeMonitorGracePeriodMs: c.nodeMonitorGracePeriodMs,
    nodeMonitorPeriodMs: c.nodeMonitorPeriodMs,
    leaseDurationSeconds: Math.round(c.leaseDurationMs / 1000),
    leaseRenewIntervalMs: c.leaseRenewIntervalMs,
    defaultTolerationSeconds: c.defaultTolerationSeconds,
    podStartDelay: { ...c.podStartDelay },
    bootDelayMs: c.bootDelayMs,
    quorum: c.controlPlaneQuorum,
  };
}
