// The swagger 2.0 rendering: what upstream's /openapi/v2 carries, in JSON.
import { describe, expect, it } from 'vitest';
import { openApiV2 } from '../../../sim/twin/openapi/index.ts';
import { SERVED } from './fixtures.ts';

type V2 = { swagger: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: unknown }>; consumes?: string[] }>>; definitions: Record<string, Record<string, unknown>> };
const v2 = openApiV2(SERVED) as V2;

describe('openApiV2', () => {
  it('is swagger 2.0 with refs into #/definitions that all resolve', () => {
    expect(v2.swagger).toBe('2.0');
    const text = JSON.stringify(v2);
    expect(text).not.toContain('#/components/');
    expect(text).not.toContain('"allOf"');
    for (const ref of text.match(/"\$ref":"[^"]+"/g) ?? []) {
      expect(v2.definitions[ref.slice('"$ref":"#/definitions/'.length, -1)], ref).toBeDefined();
    }
  });

  it('turns request bodies into body parameters and keeps fieldValidation on PATCH', () => {
    const patch = v2.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!['patch']!;
    expect(patch.parameters!.map((p) => p.name)).toEqual(['body', 'dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(patch.consumes).toContain('application/strategic-merge-patch+json');
  });

  it('keeps $ref siblings (patch strategy) as upstream v2 does', () => {
    const props = v2.definitions['io.k8s.api.apps.v1.DeploymentSpec']!['properties'] as Record<string, Record<string, unknown>>;
    expect(props['strategy']).toMatchObject({ $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentStrategy', 'x-kubernetes-patch-strategy': 'retainKeys' });
  });

  it('lists DeleteOptions under every served group-version', () => {
    const gvks = v2.definitions['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']!['x-kubernetes-group-version-kind'] as Array<{ group: string }>;
    expect(gvks.map((g) => g.group).sort()).toEqual(['', 'apps', 'coordination.k8s.io', 'policy', 'scheduling.k8s.io']);
  });
});
