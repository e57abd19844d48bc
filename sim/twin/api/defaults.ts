// Defaulting on create and update, as upstream's SetDefaults_* functions do, so that `kubectl get -o yaml`
// and `describe` show what a real cluster shows. upstream: pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go
import type { KubeObject } from '../store/index.ts';

type Json = Record<string, unknown>;

function setDefault(obj: Json, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function defaultPodSpec(spec: Json): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'enableServiceLinks', true);
  // upstream: the ServiceAccount admission plugin fills in "default".
  setDefault(spec, 'serviceAccountName', 'default');
  if (spec.serviceAccount === undefined) spec.serviceAccount = spec.serviceAccountName;
  for (const field of ['containers', 'initContainers']) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isRecord(c)) defaultContainer(c);
  }
}

/** upstream: Always for :latest or an untagged image, else IfNotPresent. */
function defaultPullPolicy(image: string): string {
  const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Json): void {
  // Only when missing: a pod from a template has it already, and working it out splits the image name.
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null) c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isRecord(p)) setDefault(p, 'protocol', 'TCP');
}

function defaultTemplate(spec: Json): void {
  const template = spec.template;
  if (isRecord(template) && isRecord(template.spec)) defaultPodSpec(template.spec);
}

const WORKLOAD_DEFAULTS: Record<string, (spec: Json) => void> = {
  'deployments.apps': (spec) => {
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'progressDeadlineSeconds', 600);
    setDefault(spec, 'strategy', { type: 'RollingUpdate' });
    const strategy = spec.strategy as Json;
    if (strategy.type === 'RollingUpdate') {
      setDefault(strategy, 'rollingUpdate', {});
      const ru = strategy.rollingUpdate as Json;
      setDefault(ru, 'maxUnavailable', '25%');
      setDefault(ru, 'maxSurge', '25%');
    }
    defaultTemplate(spec);
  },
  'replicasets.apps': (spec) => {
    setDefault(spec, 'replicas', 1);
    defaultTemplate(spec);
  },
  'statefulsets.apps': (spec) => {
    setDefault(spec, 'replicas', 1);
    setDefault(spec, 'podManagementPolicy', 'OrderedReady');
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    setDefault(spec, 'persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Retain', whenScaled: 'Retain' });
    defaultTemplate(spec);
  },
  'daemonsets.apps': (spec) => {
    setDefault(spec, 'revisionHistoryLimit', 10);
    setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    defaultTemplate(spec);
  },
  services: (spec) => {
    setDefault(spec, 'type', 'ClusterIP');
    setDefault(spec, 'sessionAffinity', 'None');
    setDefault(spec, 'internalTrafficPolicy', 'Cluster');
    setDefault(spec, 'ipFamilies', ['IPv4']);
    setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
    if (Array.isArray(spec.ports)) {
      for (const p of spec.ports) {
        if (!isRecord(p)) continue;
        setDefault(p, 'protocol', 'TCP');
        setDefault(p, 'targetPort', p.port);
      }
    }
  },
  pods: defaultPodSpec,
  'priorityclasses.scheduling.k8s.io': () => undefined,
};

/** Applies upstream defaults in place. */
export function applyDefaults(resourceKey: string, obj: KubeObject): void {
  if (resourceKey === 'priorityclasses.scheduling.k8s.io') {
    setDefault(obj, 'preemptionPolicy', 'PreemptLowerPriority');
    return;
  }
  if (resourceKey === 'nodes' && isRecord(obj.spec) === false) obj.spec = {};
  const fn = WORKLOAD_DEFAULTS[resourceKey];
  if (!fn) return;
  if (!isRecord(obj.spec)) obj.spec = {};
  fn(obj.spec as Json);
}
