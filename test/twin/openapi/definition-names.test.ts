// Module ↔ upstream definition names and operationId/tag spellings.
import { describe, expect, it } from 'vitest';
import { definitionName, groupVersionInfix, groupVersionTag, kindModule } from '../../../sim/twin/openapi/definition-names.ts';

describe('definitionName', () => {
  it.each([
    ['IoK8sApiAppsV1Deployment', 'io.k8s.api.apps.v1.Deployment'],
    ['IoK8sApiCoreV1PodSpec', 'io.k8s.api.core.v1.PodSpec'],
    ['IoK8sApiAutoscalingV2HorizontalPodAutoscaler', 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler'],
    ['IoK8sApiResourceV1beta1ResourceClaim', 'io.k8s.api.resource.v1beta1.ResourceClaim'],
    ['IoK8sApimachineryPkgApisMetaV1ObjectMeta', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
    ['IoK8sApimachineryPkgUtilIntstrIntOrString', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'],
    ['IoK8sApimachineryPkgApiResourceQuantity', 'io.k8s.apimachinery.pkg.api.resource.Quantity'],
    ['IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSON', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON'],
  ])('%s → %s', (module, name) => {
    expect(definitionName(module)).toBe(name);
  });

  it('rejects names it cannot map', () => {
    expect(() => definitionName('Nope')).toThrow(/cannot name/);
  });
});

describe('kindModule / infix / tag', () => {
  it.each([
    ['', 'v1', 'Pod', 'IoK8sApiCoreV1Pod', 'CoreV1', 'core_v1'],
    ['apps', 'v1', 'Deployment', 'IoK8sApiAppsV1Deployment', 'AppsV1', 'apps_v1'],
    ['scheduling.k8s.io', 'v1', 'PriorityClass', 'IoK8sApiSchedulingV1PriorityClass', 'SchedulingV1', 'scheduling_v1'],
    ['rbac.authorization.k8s.io', 'v1', 'Role', 'IoK8sApiRbacV1Role', 'RbacAuthorizationV1', 'rbacAuthorization_v1'],
    ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'IoK8sApiAutoscalingV2HorizontalPodAutoscaler', 'AutoscalingV2', 'autoscaling_v2'],
  ])('%j %s %s', (group, version, kind, module, infix, tag) => {
    expect(kindModule(group, version, kind)).toBe(module);
    expect(groupVersionInfix(group, version)).toBe(infix);
    expect(groupVersionTag(group, version)).toBe(tag);
  });
});
