// PodSpec validation: containers, ports, resources, restart/DNS/pull policies, tolerations.
// upstream: kubernetes/pkg/apis/core/validation/validation.go ValidatePodSpec and helpers.

import { child, duplicate, index, invalid, key, notSupported, required, type FieldCause } from './field-cause.ts';
import { validateLabelName } from './metadata.ts';
import { inclusiveRangeError, isDNS1123Label, isValidLabelValue, nameIsDNSSubdomain } from './names.ts';
import { parseQuantity, quantityError } from './quantity.ts';
import { arr, num, rec, str, type Obj } from './shape.ts';

const NEGATIVE = 'must be greater than or equal to 0';
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** upstream: ValidateResourceRequirements — each quantity non-negative, requests within limits. */
function validateResources(resources: unknown, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const r = rec(resources);
  const parsed = (group: 'limits' | 'requests'): Map<string, number> => {
    const values = new Map<string, number>();
    for (const [name, q] of Object.entries(rec(r[group]))) {
      const p = key(child(path, group), name);
      // upstream rejects an unparseable quantity earlier, while decoding (400 "cannot be handled as a …").
      const err = quantityError(q);
      if (err !== undefined) {
        out.push(invalid(p, q, err));
        continue;
      }
      const v = parseQuantity(q as string | number);
      if (v < 0) out.push(invalid(p, q, NEGATIVE));
      values.set(name, v);
    }
    return values;
  };
  const limits = parsed('limits');
  const requests = parsed('requests');
  for (const [name, v] of requests) {
    const limit = limits.get(name);
    if (limit !== undefined && v > limit) {
      const shown = rec(r['limits'])[name];
      out.push(invalid(key(child(path, 'requests'), name), rec(r['requests'])[name], `must be less than or equal to ${name} limit of ${String(shown)}`));
    }
  }
  return out;
}

function validatePorts(ports: unknown, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  arr(ports).forEach((raw, i) => {
    const p = index(path, i);
    const port = rec(raw);
    const containerPort = num(port['containerPort']) ?? 0;
    if (containerPort === 0) out.push(required(child(p, 'containerPort'), ''));
    else if (containerPort < 1 || containerPort > 65535) out.push(invalid(child(p, 'containerPort'), containerPort, inclusiveRangeError(1, 65535)));
    const hostPort = num(port['hostPort']) ?? 0;
    if (hostPort !== 0 && (hostPort < 1 || hostPort > 65535)) out.push(invalid(child(p, 'hostPort'), hostPort, inclusiveRangeError(1, 65535)));
    if (port['protocol'] !== undefined && !PROTOCOLS.includes(str(port['protocol']))) {
      out.push(notSupported(child(p, 'protocol'), port['protocol'], PROTOCOLS));
    }
  });
  return out;
}

function validateContainer(c: Obj, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const name = str(c['name']);
  if (name === '') out.push(required(child(path, 'name'), ''));
  else out.push(...isDNS1123Label(name).map((m) => invalid(child(path, 'name'), name, m)));
  const image = str(c['image']);
  if (image === '') out.push(required(child(path, 'image'), ''));
  else if (image !== image.trim()) out.push(invalid(child(path, 'image'), image, 'must not have leading or trailing whitespace'));
  if (c['imagePullPolicy'] !== undefined && !PULL_POLICIES.includes(str(c['imagePullPolicy']))) {
    const v = str(c['imagePullPolicy']);
    out.push(v === '' ? required(child(path, 'imagePullPolicy'), '') : notSupported(child(path, 'imagePullPolicy'), c['imagePullPolicy'], PULL_POLICIES));
  }
  out.push(...validatePorts(c['ports'], child(path, 'ports')));
  out.push(...validateResources(c['resources'], child(path, 'resources')));
  return out;
}

/** upstream: validateContainers / validateInitContainers — names unique across regular and init containers. */
function validateContainerList(list: unknown[], path: string, names: Set<string>): FieldCause[] {
  const out: FieldCause[] = [];
  list.forEach((raw, i) => {
    const p = index(path, i);
    const c = rec(raw);
    out.push(...validateContainer(c, p));
    const name = str(c['name']);
    if (name !== '' && names.has(name)) out.push(duplicate(child(p, 'name'), name));
    names.add(name);
  });
  return out;
}

/** upstream: validateTaintEffect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): FieldCause[] {
  if (effect === '') return allowEmpty ? [] : [required(path, '')];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

/** upstream: ValidateTolerations. */
export function validateTolerations(tolerations: unknown, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  arr(tolerations).forEach((raw, i) => {
    const p = index(path, i);
    const t = rec(raw);
    const k = str(t['key']);
    const operator = str(t['operator']);
    const effect = str(t['effect']);
    const value = str(t['value']);
    if (k !== '') out.push(...validateLabelName(k, child(p, 'key')));
    if (k === '' && operator !== 'Exists') {
      out.push(invalid(child(p, 'operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t['tolerationSeconds'] !== undefined && t['tolerationSeconds'] !== null && effect !== 'NoExecute') {
      out.push(invalid(child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const errs = isValidLabelValue(value);
      // upstream reports a bad value against `operator`, joined with ';'.
      if (errs.length > 0) out.push(invalid(child(p, 'operator'), value, errs.join(';')));
    } else if (operator === 'Exists') {
      if (value !== '') out.push(invalid(child(p, 'operator'), t, "value must be empty when `operator` is 'Exists'"));
    } else {
      out.push(notSupported(child(p, 'operator'), operator, ['Equal', 'Exists']));
    }
    if (effect !== '') out.push(...validateTaintEffect(effect, true, child(p, 'effect')));
  });
  return out;
}

/** Validates a PodSpec found at `path` ("spec" for a Pod, "spec.template.spec" for a workload). */
export function validatePodSpec(spec: unknown, path: string): FieldCause[] {
  const s = rec(spec);
  const out: FieldCause[] = [];
  const containers = arr(s['containers']);
  const names = new Set<string>();
  if (containers.length === 0) out.push(required(child(path, 'containers'), ''));
  out.push(...validateContainerList(containers, child(path, 'containers'), names));
  out.push(...validateContainerList(arr(s['initContainers']), child(path, 'initContainers'), names));
  if (s['restartPolicy'] !== undefined) {
    const rp = str(s['restartPolicy']);
    if (rp === '') out.push(required(child(path, 'restartPolicy'), ''));
    else if (!RESTART_POLICIES.includes(rp)) out.push(notSupported(child(path, 'restartPolicy'), s['restartPolicy'], RESTART_POLICIES));
  }
  if (s['dnsPolicy'] !== undefined && !DNS_POLICIES.includes(str(s['dnsPolicy']))) {
    out.push(notSupported(child(path, 'dnsPolicy'), s['dnsPolicy'], DNS_POLICIES));
  }
  const nodeName = str(s['nodeName']);
  if (nodeName !== '') out.push(...nameIsDNSSubdomain(nodeName, false).map((m) => invalid(child(path, 'nodeName'), nodeName, m)));
  const ads = num(s['activeDeadlineSeconds']);
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) {
    out.push(invalid(child(path, 'activeDeadlineSeconds'), ads, inclusiveRangeError(1, 2147483647)));
  }
  out.push(...validateTolerations(s['tolerations'], child(path, 'tolerations')));
  return out;
}
