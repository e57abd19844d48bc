// Strict field validation: unknown and duplicate fields named as upstream's strict decoder names them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknownFields } from '../../../sim/twin/validation/index.ts';
import { deployment, node, pod, priorityClass } from './objects.ts';

type Obj = Record<string, any>; // test fixtures are mutated freely

describe('unknownFields', () => {
  it.each([
    ['Pod', '', pod],
    ['Deployment', 'apps', deployment],
    ['Node', '', node],
    ['PriorityClass', 'scheduling.k8s.io', priorityClass],
  ] as const)('a valid %s has none', (kind, group, make) => {
    expect(unknownFields(kind, group, 'v1', make())).toEqual([]);
  });

  it.each<[string, string, () => Obj, (o: Obj) => void, string[]]>([
    ['Deployment', 'apps', deployment, (o) => (o.spec.foo = 1), ['unknown field "spec.foo"']],
    ['Deployment', 'apps', deployment, (o) => (o.bar = true), ['unknown field "bar"']],
    ['Deployment', 'apps', deployment, (o) => (o.spec.template.spec.containers[0].imagee = 'x'), ['unknown field "spec.template.spec.containers[0].imagee"']],
    ['Deployment', 'apps', deployment, (o) => (o.spec.template.metadata.lables = {}), ['unknown field "spec.template.metadata.lables"']],
    ['Pod', '', pod, (o) => (o.spec.containers[0].resources.requests = { cpu: '1', 'nvidia.com/gpu': '1' }), []],
    ['Pod', '', pod, (o) => (o.metadata.managedFields = [{ manager: 'x', fieldsV1: { 'f:spec': { 'f:anything': {} } } }]), []],
    ['Pod', '', pod, (o) => Object.assign(o.spec, { nodeNmae: 'n', tolerations: [{ key: 'k', efect: 'NoSchedule' }] }),
      ['unknown field "spec.nodeNmae"', 'unknown field "spec.tolerations[0].efect"']],
    ['Node', '', node, (o) => (o.spec.taints[0].time = 1), ['unknown field "spec.taints[0].time"']],
  ])('%s%s: %#', (kind, group, make, mutate, expected) => {
    const o = make();
    mutate(o);
    expect(unknownFields(kind, group, 'v1', o)).toEqual(expected);
  });

  it('finds duplicate fields when given the raw JSON text', () => {
    const text = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"a","name":"b"},"spec":{"replicas":1,"replicas":2,"x":{}}}';
    expect(unknownFields('Deployment', 'apps', 'v1', text)).toEqual([
      'duplicate field "metadata.name"',
      'duplicate field "spec.replicas"',
      'unknown field "spec.x"',
    ]);
  });

  it('treats kinds kubernetes-models does not know as schemaless', () => {
    expect(unknownFields('Vehicle', 'kis.dev', 'v1', { anything: 1 })).toEqual([]);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(Array.isArray(unknownFields('Pod', '', 'v1', text))).toBe(true);
        expect(Array.isArray(unknownFields('Deployment', 'apps', 'v1', JSON.parse(text)))).toBe(true);
      }),
    );
  });
});
