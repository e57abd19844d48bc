// Default values for everything a profile may leave out; upstream Kubernetes' where one exists.

export const DEFAULTS = {
  /** A pause image: a workload that does nothing still exercises scheduling and readiness. */
  image: 'registry.k8s.io/pause:3.10',
  seed: 1,
  // upstream: kube-controller-manager --node-monitor-grace-period, 50s since 1.32 (was 40s)
  nodeMonitorGracePeriodMs: 50_000,
  // upstream: kube-controller-manager --node-monitor-period, 5s
  nodeMonitorPeriodMs: 5_000,
  // upstream: kubelet nodeLeaseDurationSeconds, 40
  leaseDurationMs: 40_000,
  // upstream: kubelet renews its Lease every nodeLeaseDurationSeconds/4 = 10s (pkg/kubelet/nodelease)
  leaseRenewIntervalMs: 10_000,
  // upstream: plugin/pkg/admission/defaulttolerationseconds, 300s for not-ready and unreachable
  defaultTolerationSeconds: 300,
  // kis's own: images preloaded (air-gapped labs), a pause container starts and turns Ready fast.
  podStartDelay: { imagePullMs: 0, startMs: 1_000, readinessMs: 1_000, jitterMs: 500 },
  bootDelayMs: 30_000,
  controlPlaneQuorum: true,
  node: { cpu: '2', memory: '4Gi', role: 'worker' as const },
  // upstream: kubelet --max-pods, 110
  maxPods: 110,
  requests: { cpu: '100m', memory: '64Mi' },
  // upstream: Deployment/StatefulSet spec.replicas defaults to 1
  replicas: 1,
  hysteresisVolts: 0.5,
  initialChargePercent: 100,
  linkLatencyMs: 50,
  dragAreaM2: 10,
  dragCoefficient: 0.3,
  // upstream: topologySpreadConstraints have no default; these are the usual choice.
  spread: { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' as const },
  /** The mission runs this long after the last timeline entry unless `duration` says otherwise. */
  tailMs: 5 * 60_000,
} as const;

/** Standard gravity for Isp → mass flow (thrust = Isp · g0 · ṁ). */
export const G0 = 9.80665;

/** Built-in PriorityClasses every cluster has. upstream: pkg/apis/scheduling SystemPriorityClasses */
export const SYSTEM_PRIORITY_CLASSES = ['system-cluster-critical', 'system-node-critical'] as const;

/** Node labels kis sets itself; a profile may not set them. */
export const KIS_LABELS = {
  vehicle: 'kis.dev/vehicle',
  stage: 'kis.dev/stage',
  powerBus: 'kis.dev/power-bus',
  role: 'kis.dev/role',
} as const;

// upstream: kubeadm labels control-plane nodes node-role.kubernetes.io/control-plane=""
export const CONTROL_PLANE_ROLE_LABEL = 'node-role.kubernetes.io/control-plane';
