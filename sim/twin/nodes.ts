// Builds Node objects for the twin: the labels of ARCHITECTURE.md plus the well-known ones kubelets set.
import type { KubeObject } from './store/index.ts';
import { KUBERNETES_VERSION } from './api/discovery.ts';

export interface NodeSpec {
  name: string;
  cpu?: string; // quantity, default "4"
  memory?: string; // quantity, default "8Gi"
  pods?: number; // default 110, as upstream's kubelet --max-pods
  labels?: Record<string, string>;
  role?: 'worker' | 'control-plane';
  /** Node-level taints at registration (a control-plane node gets upstream's NoSchedule taint unless told). */
  taints?: { key: string; value?: string; effect: string }[];
  internalIP?: string;
}

/** The Node object a kubelet would register, Ready from the start (static nodes until kubelets are simulated). */
export function nodeObject(spec: NodeSpec, index: number, now: string): KubeObject {
  const capacity = { cpu: spec.cpu ?? '4', memory: spec.memory ?? '8Gi', pods: String(spec.pods ?? 110), 'ephemeral-storage': '20Gi' };
  const role = spec.role ?? 'worker';
  const labels: Record<string, string> = {
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/arch': 'amd64',
    'kis.dev/role': role,
    ...(role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    ...(spec.labels ?? {}),
  };
  const ip = spec.internalIP ?? `10.${64 + Math.floor(index / 65536)}.${Math.floor(index / 256) % 256}.${(index % 256) + 1}`;
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      podCIDR: podCidr(index),
      ...(spec.taints?.length ? { taints: spec.taints } : {}),
    },
    status: {
      capacity,
      allocatable: capacity,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: '',
        systemUUID: '',
        bootID: '',
        kernelVersion: '6.1.0-kis',
        osImage: 'kis simulated node',
        containerRuntimeVersion: 'kis://0.1.0',
        kubeletVersion: KUBERNETES_VERSION.gitVersion,
        kubeProxyVersion: KUBERNETES_VERSION.gitVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/**
 * A /24 per node: 10.244.0.0/14 (flannel's familiar range) for the first 1,024 nodes, then 100.64.0.0/10 for
 * 16,384 more, so no two nodes of a large twin hand out the same pod IP.
 */
export function podCidr(index: number): string {
  if (index < 1024) return `10.${244 + (index >> 8)}.${index & 255}.0/24`;
  const i = (index - 1024) % 16384;
  return `100.${64 + (i >> 8)}.${i & 255}.0/24`;
}

/** `count` plain worker nodes named worker-1…N (for `kis twin --nodes N`). */
export function plainWorkers(count: number): NodeSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `worker-${i + 1}` }));
}
