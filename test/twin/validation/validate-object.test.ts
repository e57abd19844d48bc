// validateObject: one break at a time per kind, checked against upstream's field paths and messages.
import { describe, expect, it } from 'vitest';
import { invalidMessage, validateObject, type FieldCause } from '../../../sim/twin/validation/index.ts';
import { daemonSet, deployment, node, pdb, pod, priorityClass, replicaSet, statefulSet } from './objects.ts';

type Obj = Record<string, any>; // test fixtures are mutated freely
type Case = [string, string, () => Obj, (o: Obj) => void, FieldCause[]];

const req = (field: string, detail = ''): FieldCause => ({ reason: 'FieldValueRequired', field, message: detail ? `Required value: ${detail}` : 'Required value' });
const inv = (field: string, message: string): FieldCause => ({ reason: 'FieldValueInvalid', field, message: `Invalid value: ${message}` });
const ns = (field: string, message: string): FieldCause => ({ reason: 'FieldValueNotSupported', field, message: `Unsupported value: ${message}` });
const dup = (field: string, message: string): FieldCause => ({ reason: 'FieldValueDuplicate', field, message: `Duplicate value: ${message}` });
const forb = (field: string, message: string): FieldCause => ({ reason: 'FieldValueForbidden', field, message: `Forbidden: ${message}` });

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const T = 'spec.template.spec';

const CASES: Case[] = [
  // metadata (any kind)
  ['pods', 'upper-case name', pod, (o) => (o.metadata.name = 'Web'), [inv('metadata.name', `"Web": ${SUBDOMAIN}`)]],
  ['pods', 'no name', pod, (o) => delete o.metadata.name, [req('metadata.name', 'name or generateName is required')]],
  ['pods', 'no namespace', pod, (o) => delete o.metadata.namespace, [req('metadata.namespace')]],
  ['pods', 'bad label value', pod, (o) => (o.metadata.labels = { app: 'a b' }), [inv('metadata.labels', `"a b": ${LABEL_VALUE}`)]],
  ['pods', 'bad label key', pod, (o) => (o.metadata.labels = { 'a b': 'x' }), [inv('metadata.labels', `"a b": ${NAME_PART}`)]],
  ['pods', 'bad annotation key', pod, (o) => (o.metadata.annotations = { '-x': '' }), [inv('metadata.annotations', `"-x": ${NAME_PART}`)]],
  ['nodes', 'namespace on a cluster-scoped kind', node, (o) => (o.metadata.namespace = 'default'), [forb('metadata.namespace', 'not allowed on this type')]],
  ['namespaces', 'namespace names are DNS labels', () => ({ metadata: { name: 'a.b' } }), () => {}, [inv('metadata.name', `"a.b": ${LABEL}`)]],
  // Pod
  ['pods', 'no containers', pod, (o) => (o.spec.containers = []), [req('spec.containers')]],
  ['pods', 'container without name and image', pod, (o) => (o.spec.containers = [{}]), [req('spec.containers[0].name'), req('spec.containers[0].image')]],
  ['pods', 'container name not a label', pod, (o) => (o.spec.containers[0].name = 'Web'), [inv('spec.containers[0].name', `"Web": ${LABEL}`)]],
  ['pods', 'duplicate container names', pod, (o) => o.spec.containers.push({ name: 'web', image: 'x' }), [dup('spec.containers[1].name', '"web"')]],
  ['pods', 'init container clashing with a container', pod, (o) => (o.spec.initContainers = [{ name: 'web', image: 'x' }]), [dup('spec.initContainers[0].name', '"web"')]],
  ['pods', 'unparseable quantity', pod, (o) => (o.spec.containers[0].resources.requests.cpu = 'lots'),
    [inv('spec.containers[0].resources.requests[cpu]', `"lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`)]],
  ['pods', 'negative quantity', pod, (o) => (o.spec.containers[0].resources.requests.memory = '-1Mi'),
    [inv('spec.containers[0].resources.requests[memory]', '"-1Mi": must be greater than or equal to 0')]],
  ['pods', 'request above limit', pod, (o) => (o.spec.containers[0].resources.requests.cpu = '2'),
    [inv('spec.containers[0].resources.requests[cpu]', '"2": must be less than or equal to cpu limit of 1')]],
  ['pods', 'restartPolicy enum', pod, (o) => (o.spec.restartPolicy = 'Sometimes'),
    [ns('spec.restartPolicy', '"Sometimes": supported values: "Always", "OnFailure", "Never"')]],
  ['pods', 'containerPort range', pod, (o) => (o.spec.containers[0].ports = [{ containerPort: 70000 }]),
    [inv('spec.containers[0].ports[0].containerPort', '70000: must be between 1 and 65535, inclusive')]],
  ['pods', 'toleration operator enum', pod, (o) => (o.spec.tolerations = [{ key: 'k', operator: 'Maybe', effect: 'NoSchedule' }]),
    [ns('spec.tolerations[0].operator', '"Maybe": supported values: "Equal", "Exists"')]],
  ['pods', 'toleration effect enum', pod, (o) => (o.spec.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoRun' }]),
    [ns('spec.tolerations[0].effect', '"NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"')]],
  ['pods', 'tolerationSeconds needs NoExecute', pod, (o) => (o.spec.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }]),
    [inv('spec.tolerations[0].effect', `"NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`)]],
  ['pods', 'empty key needs Exists', pod, (o) => (o.spec.tolerations = [{ operator: 'Equal', value: 'x' }]),
    [inv('spec.tolerations[0].operator', '"Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"')]],
  // Deployment
  ['deployments.apps', 'negative replicas', deployment, (o) => (o.spec.replicas = -1), [inv('spec.replicas', '-1: must be greater than or equal to 0')]],
  ['deployments.apps', 'no selector', deployment, (o) => delete o.spec.selector, [req('spec.selector')]],
  ['deployments.apps', 'empty selector', deployment, (o) => (o.spec.selector = {}), [inv('spec.selector', '&v1.LabelSelector{}: empty selector is invalid for deployment')]],
  ['deployments.apps', 'selector not matching template', deployment, (o) => (o.spec.template.metadata.labels = { app: 'db' }),
    [inv('spec.template.metadata.labels', 'map[string]string{"app":"db"}: `selector` does not match template `labels`')]],
  ['deployments.apps', 'bad selector operator', deployment, (o) => (o.spec.selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'a', operator: 'Near', values: ['x'] }] }),
    [inv('spec.selector.matchExpressions[0].operator', '"Near": not a valid selector operator'), inv('spec.selector', `&v1.LabelSelector{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"a","operator":"Near","values":["x"]}]}: invalid label selector`)]],
  ['deployments.apps', 'template restartPolicy', deployment, (o) => (o.spec.template.spec.restartPolicy = 'Never'), [ns(`${T}.restartPolicy`, '"Never": supported values: "Always"')]],
  ['deployments.apps', 'template image', deployment, (o) => (o.spec.template.spec.containers[0].image = ''), [req(`${T}.containers[0].image`)]],
  ['deployments.apps', 'strategy type', deployment, (o) => (o.spec.strategy = { type: 'Blue' }),
    [ns('spec.strategy', 'apps.DeploymentStrategy{Type:"Blue"}: supported values: "Recreate", "RollingUpdate"')]],
  ['deployments.apps', 'Recreate with rollingUpdate', deployment, (o) => (o.spec.strategy = { type: 'Recreate', rollingUpdate: {} }),
    [forb('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")]],
  ['deployments.apps', 'maxSurge percent syntax', deployment, (o) => (o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '10 %', maxUnavailable: 1 } }),
    [inv('spec.strategy.rollingUpdate.maxSurge', `10 %: ${PERCENT}`)]],
  ['deployments.apps', 'both zero', deployment, (o) => (o.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }),
    [inv('spec.strategy.rollingUpdate.maxUnavailable', '0%: may not be 0 when `maxSurge` is 0')]],
  ['deployments.apps', 'progress deadline', deployment, (o) => Object.assign(o.spec, { minReadySeconds: 10, progressDeadlineSeconds: 5 }),
    [inv('spec.progressDeadlineSeconds', '5: must be greater than minReadySeconds')]],
  // ReplicaSet / StatefulSet / DaemonSet
  ['replicasets.apps', 'no selector', replicaSet, (o) => delete o.spec.selector, [req('spec.selector')]],
  ['replicasets.apps', 'negative replicas', replicaSet, (o) => (o.spec.replicas = -3), [inv('spec.replicas', '-3: must be greater than or equal to 0')]],
  ['statefulsets.apps', 'empty selector', statefulSet, (o) => (o.spec.selector = {}), [inv('spec.selector', '&v1.LabelSelector{}: empty selector is invalid for statefulset')]],
  ['statefulsets.apps', 'podManagementPolicy', statefulSet, (o) => (o.spec.podManagementPolicy = 'Random'), [inv('spec.podManagementPolicy', `"Random": must be 'OrderedReady' or 'Parallel'`)]],
  ['daemonsets.apps', 'no selector fails the template match', daemonSet, (o) => delete o.spec.selector,
    [inv('spec.template.metadata.labels', 'map[string]string{"app":"web"}: `selector` does not match template `labels`')]],
  ['daemonsets.apps', 'template restartPolicy', daemonSet, (o) => (o.spec.template.spec.restartPolicy = 'OnFailure'), [ns(`${T}.restartPolicy`, '"OnFailure": supported values: "Always"')]],
  // PodDisruptionBudget
  ['poddisruptionbudgets.policy', 'both minAvailable and maxUnavailable', pdb, (o) => (o.spec.maxUnavailable = 1),
    [inv('spec', 'policy.PodDisruptionBudgetSpec{"minAvailable":1,"selector":{"matchLabels":{"app":"web"}},"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set')]],
  ['poddisruptionbudgets.policy', 'percent above 100', pdb, (o) => (o.spec.minAvailable = '150%'), [inv('spec.minAvailable', '150%: must not be greater than 100%')]],
  ['poddisruptionbudgets.policy', 'negative count', pdb, (o) => (o.spec.minAvailable = -1), [inv('spec.minAvailable', '-1: must be greater than or equal to 0')]],
  ['poddisruptionbudgets.policy', 'neither is fine', pdb, (o) => delete o.spec.minAvailable, []],
  // Node
  ['nodes', 'taint effect enum', node, (o) => (o.spec.taints[0].effect = 'Evict'),
    [ns('spec.taints[0].effect', '"Evict": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"')]],
  ['nodes', 'taint effect required', node, (o) => delete o.spec.taints[0].effect, [req('spec.taints[0].effect')]],
  ['nodes', 'duplicate taint', node, (o) => o.spec.taints.push({ ...o.spec.taints[0] }),
    [dup('spec.taints[1]', 'core.Taint{"key":"kis.dev/power","value":"degraded","effect":"NoSchedule"}: taints must be unique by key and effect pair')]],
  // PriorityClass
  ['priorityclasses.scheduling.k8s.io', 'value above user range', priorityClass, (o) => (o.value = 1000000001),
    [forb('value', 'maximum allowed value of a user defined priority is 1000000000')]],
  ['priorityclasses.scheduling.k8s.io', 'reserved system- prefix', priorityClass, (o) => (o.metadata.name = 'system-flight'),
    [forb('metadata.name', "priority class names with 'system-' prefix are reserved for system use only. error: system-flight is not a known system priority class")]],
  ['priorityclasses.scheduling.k8s.io', 'known system class', priorityClass, (o) => Object.assign(o, { metadata: { name: 'system-node-critical' }, value: 2000001000 }), []],
  ['priorityclasses.scheduling.k8s.io', 'preemptionPolicy enum', priorityClass, (o) => (o.preemptionPolicy = 'Always'),
    [ns('preemptionPolicy', '"Always": supported values: "Never", "PreemptLowerPriority"')]],
];

describe('validateObject', () => {
  it.each([
    ['pods', pod], ['deployments.apps', deployment], ['replicasets.apps', replicaSet], ['statefulsets.apps', statefulSet], ['daemonsets.apps', daemonSet],
    ['poddisruptionbudgets.policy', pdb], ['nodes', node], ['priorityclasses.scheduling.k8s.io', priorityClass],
  ] as const)('accepts a valid %s', (resource, make) => {
    expect(validateObject(resource, make())).toEqual([]);
  });

  it.each(CASES)('%s: %s', (resource, _what, make, mutate, causes) => {
    const o = make();
    mutate(o);
    expect(validateObject(resource, o)).toEqual(causes);
  });

  it.each(['deployments', 'Deployment', 'deployments.apps'])('finds the rules by %j', (resource) => {
    const o = deployment();
    o['spec'].replicas = -1;
    expect(validateObject(resource, o)).toHaveLength(1);
  });

  it('never throws on garbage', () => {
    for (const junk of [null, 1, 'x', [], { metadata: 5, spec: [] }, { spec: { containers: 'no' } }]) {
      expect(() => validateObject('pods', junk)).not.toThrow();
      expect(() => validateObject('deployments.apps', junk)).not.toThrow();
    }
  });
});

describe('invalidMessage', () => {
  it('one cause is printed alone (upstream aggregate of one)', () => {
    expect(invalidMessage('Deployment', 'apps', 'web', [inv('spec.replicas', '-1: must be greater than or equal to 0')])).toBe(
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('several are bracketed, duplicates dropped, core kinds unqualified', () => {
    const causes = [req('spec.containers'), req('spec.containers'), req('metadata.namespace')];
    expect(invalidMessage('Pod', '', 'p', causes)).toBe('Pod "p" is invalid: [spec.containers: Required value, metadata.namespace: Required value]');
  });
});
