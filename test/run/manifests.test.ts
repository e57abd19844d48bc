// Profile workloads → the objects a run creates.
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../sim/profile/index.ts';
import { runManifests } from '../../sim/run/manifests.ts';

describe('run manifests', () => {
  const profile = loadProfile('profiles/falcon9-leo.yaml');
  const manifests = runManifests(profile, { run: 'r1', namespace: 'kis-r1' });

  it('creates the namespace first, then run-prefixed priority classes, then workloads with PDBs and services', () => {
    expect(manifests[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'kis-r1' } });
    const pcs = manifests.filter((m) => m.kind === 'PriorityClass').map((m) => m.metadata.name);
    expect(pcs).toEqual(['r1-flight-critical', 'r1-best-effort']);
    const kinds = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Deployment/guidance', 'PodDisruptionBudget/guidance', 'Service/guidance', 'StatefulSet/telemetry', 'DaemonSet/health-agent', 'Deployment/imaging']));
  });

  it('carries requests, priority, spread and tolerations into the pod template', () => {
    const d = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'guidance') as any;
    const spec = d.spec.template.spec;
    expect(spec.priorityClassName).toBe('r1-flight-critical');
    expect(spec.containers[0].resources.requests).toEqual({ cpu: '500m', memory: '256Mi' });
    expect(spec.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'kis.dev/stage' });
    expect(spec.tolerations).toEqual([{ key: 'kis.dev/power', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(d.spec.selector.matchLabels).toEqual(d.spec.template.metadata.labels['kis.dev/workload'] ? { 'kis.dev/workload': 'guidance' } : {});
    const pdb = manifests.find((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === 'guidance') as any;
    expect(pdb.spec).toEqual({ minAvailable: 3, selector: { matchLabels: { 'kis.dev/workload': 'guidance' } } });
  });
});
