// The label, taint, annotation and event-reason names that ARCHITECTURE.md fixes, in one place.
// Everything that writes or reads these strings imports them from here, so a rename is one edit.

/** Node labels that place a node on the vehicle. */
export const LABEL_VEHICLE = 'kis.dev/vehicle';
export const LABEL_STAGE = 'kis.dev/stage';
export const LABEL_POWER_BUS = 'kis.dev/power-bus';
export const LABEL_ROLE = 'kis.dev/role';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface TaintSpec {
  readonly key: string;
  readonly value: string;
  readonly effect: TaintEffect;
}

/** Brownout: stop new pods landing on a node whose bus sags; running pods stay. */
export const TAINT_POWER_DEGRADED: TaintSpec = {
  key: 'kis.dev/power',
  value: 'degraded',
  effect: 'NoSchedule',
};

/**
 * A node that has left the vehicle. The standard taint, so the upstream pod GC force-deletes its
 * pods and volumes detach without waiting for the 300 s unreachable toleration.
 * upstream: k8s.io/api/core/v1/well_known_taints.go TaintNodeOutOfService; value and effect as in
 * the "non-graceful node shutdown" docs (GA in 1.28).
 */
export const TAINT_OUT_OF_SERVICE: TaintSpec = {
  key: 'node.kubernetes.io/out-of-service',
  value: 'nodeshutdown',
  effect: 'NoExecute',
};

/**
 * Simulation control, KWOK-style: the HAL writes these, the twin's simulated kubelets obey them.
 * On a real cluster nothing obeys them; they stay as a record of what the hardware did.
 */
export const ANNOTATION_POWER = 'sim.kis.dev/power';
export type PowerAnnotationValue = 'on' | 'off';
export const ANNOTATION_ATTACHED = 'sim.kis.dev/attached';
/** The only value the HAL writes: a node that has separated never re-attaches in flight. */
export const ATTACHED_FALSE = 'false';
export const ANNOTATION_FAULT = 'sim.kis.dev/fault';
export type FaultAnnotationValue = 'crash' | 'partition';

/**
 * Link state per radio link. Not in ARCHITECTURE.md yet: one key per link because a node may sit
 * behind more than one link (S-band and a relay, say). Values: 'lost' | 'acquired'.
 */
export const ANNOTATION_LINK_PREFIX = 'sim.kis.dev/link-';
export type LinkAnnotationValue = 'lost' | 'acquired';
export function linkAnnotation(linkId: string): string {
  return `${ANNOTATION_LINK_PREFIX}${linkId}`;
}

/** Reasons of the Kubernetes Events the HAL posts on a Node for every flight action. */
export const EVENT_REASONS = [
  'StageSeparated',
  'PowerBrownout',
  'PowerLost',
  'PowerRestored',
  'LinkLost',
  'LinkAcquired',
] as const;
export type EventReason = (typeof EVENT_REASONS)[number];

/** upstream: k8s.io/api/core/v1/types.go EventTypeNormal / EventTypeWarning — the only two types. */
export const EVENT_TYPES = ['Normal', 'Warning'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Name of the component that posts Events (Event.source.component / reportingController). */
export const EVENT_COMPONENT = 'kis-hal';

/** How the HAL is armed: always safe, always armed, or by the switch box's key. Shared by the wiring file and the serial boxes. */
export type ArmMode = 'safe' | 'armed' | 'key';

/** How redundant separation switches vote: all (2-of-2, 3-of-3), majority (2-of-3), any (1-of-2). */
export type VotePolicy = 'all' | 'any' | 'majority';
