// The Deployment controller with the ReplicaSet controller on a lockstep twin; scheduler and kubelets faked.
import { describe, expect, it } from 'vitest';
import { deploymentController } from '../../../../sim/twin/controllers/deployment.ts';
import { replicaSetController } from '../../../../sim/twin/controllers/replicaset.ts';
import type { KubeObject } from '../../../../sim/twin/store/index.ts';
import { startSim, type Sim } from '../../../helpers/sim.ts';
import { isTerminating, podTemplate, podsOf, startFakeCluster } from './fake-cluster.ts';

const controllers = [replicaSetController, deploymentController];

function createDeployment(sim: Sim, name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return sim.registry.create(sim.res('deployments.apps'), 'default', {
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }), ...extra },
  });
}

function setImage(sim: Sim, name: string, image: string): void {
  const d = sim.get('deployments.apps', 'default', name)!;
  const spec = d.spec as { template: { spec: { containers: { name: string; image: string }[] } } };
  const template = { ...spec.template, spec: { ...spec.template.spec, containers: [{ ...spec.template.spec.containers[0]!, image }] } };
  sim.registry.commitUpdate(sim.res('deployments.apps'), { ...d, spec: { ...spec, template } }, d);
}

function setReplicas(sim: Sim, name: string, replicas: number): void {
  const d = sim.get('deployments.apps', 'default', name)!;
  sim.registry.commitUpdate(sim.res('deployments.apps'), { ...d, spec: { ...(d.spec as object), replicas } }, d);
}

const image = (p: KubeObject) => (p.spec as { containers: { image: string }[] }).containers[0]!.image;
const ready = (p: KubeObject) => ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const dStatus = (sim: Sim, name: string) => sim.get('deployments.apps', 'default', name)!.status as Record<string, unknown> & { conditions: { type: string; status: string; reason: string }[] };
const rsOf = (sim: Sim) => sim.list('replicasets.apps', 'default');
const messages = (sim: Sim, reason: string) => sim.list('events', 'default').filter((e) => (e as { reason?: string }).reason === reason).map((e) => (e as { message?: string }).message);

describe('Deployment controller', () => {
  it('creates <deployment>-<pod-template-hash> with the hash on selector and template, and reports Available/Progressing', async () => {
    const sim = startSim({ controllers });
    const fake = startFakeCluster(sim);
    createDeployment(sim, 'web', 3);
    await sim.advance(10_000);
    const [rs] = rsOf(sim);
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'web', 'pod-template-hash': hash } } } });
    expect(rs!.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    const d = sim.get('deployments.apps', 'default', 'web')!;
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(dStatus(sim, 'web')).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0, observedGeneration: 1 });
    const conds = Object.fromEntries(dStatus(sim, 'web').conditions.map((c) => [c.type, `${c.status}/${c.reason}`]));
    expect(conds).toEqual({ Available: 'True/MinimumReplicasAvailable', Progressing: 'True/NewReplicaSetAvailable' });
    expect(messages(sim, 'ScalingReplicaSet')).toEqual([`Scaled up replica set web-${hash} to 3`]);
    expect(sim.errors.filter((e) => e.where !== 'events')).toEqual([]);
    fake.stop();
    sim.stop();
  });

  it.each<[string, number, number | string, number | string, number, number]>([
    ['ints', 4, 1, 1, 5, 3],
    ['default percentages', 10, '25%', '25%', 13, 8],
    ['surge only', 3, 1, 0, 4, 3],
    ['unavailable only', 5, 0, 2, 5, 3],
  ])('a rolling update (%s) never exceeds replicas+maxSurge nor drops below replicas−maxUnavailable', async (_what, replicas, maxSurge, maxUnavailable, maxPods, minReady) => {
    const sim = startSim({ controllers });
    let checking = false;
    const violations: string[] = [];
    const fake = startFakeCluster(sim, {
      readyAfterMs: 3_000,
      onPodEvent: () => {
        if (!checking) return;
        const live = podsOf(sim, 'default', (p) => !isTerminating(p));
        const readyLive = live.filter(ready).length;
        if (live.length > maxPods) violations.push(`${live.length} pods > ${maxPods} at ${sim.clock.now()}`);
        if (readyLive < minReady) violations.push(`${readyLive} ready < ${minReady} at ${sim.clock.now()}`);
      },
    });
    createDeployment(sim, 'web', replicas, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } });
    await sim.until('initial rollout', () => dStatus(sim, 'web')?.availableReplicas === replicas);
    checking = true;
    setImage(sim, 'web', 'nginx:1.28');
    await sim.until('rollout done', () => {
      const s = dStatus(sim, 'web');
      return s.updatedReplicas === replicas && s.availableReplicas === replicas && s.replicas === replicas && podsOf(sim, 'default').length === replicas;
    }, 600_000);
    expect(violations.slice(0, 5)).toEqual([]);
    expect(podsOf(sim, 'default').every((p) => image(p) === 'nginx:1.28')).toBe(true);
    const rss = rsOf(sim);
    expect(rss).toHaveLength(2);
    const newRs = rss.find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!;
    expect((newRs.spec as { replicas: number }).replicas).toBe(replicas);
    expect(rss.filter((r) => r !== newRs).map((r) => (r.spec as { replicas: number }).replicas)).toEqual([0]);
    expect(sim.get('deployments.apps', 'default', 'web')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(messages(sim, 'ScalingReplicaSet').some((m) => /^Scaled down replica set web-\w+ to 0 from \d+$/.test(m ?? ''))).toBe(true);
    fake.stop();
    sim.stop();
  });

  it('Recreate removes every old pod before the first new pod exists', async () => {
    const sim = startSim({ controllers });
    let checking = false;
    const mixed: number[] = [];
    const fake = startFakeCluster(sim, {
      terminateAfterMs: 5_000,
      onPodEvent: () => {
        if (!checking) return;
        const images = new Set(podsOf(sim, 'default').map(image));
        if (images.size > 1) mixed.push(sim.clock.now());
      },
    });
    createDeployment(sim, 'db', 3, { strategy: { type: 'Recreate' } });
    await sim.until('up', () => dStatus(sim, 'db')?.availableReplicas === 3);
    checking = true;
    setImage(sim, 'db', 'postgres:17');
    await sim.until('recreated', () => dStatus(sim, 'db').updatedReplicas === 3 && dStatus(sim, 'db').availableReplicas === 3 && podsOf(sim, 'default').length === 3);
    expect(mixed).toEqual([]);
    expect(podsOf(sim, 'default').every((p) => image(p) === 'postgres:17')).toBe(true);
    fake.stop();
    sim.stop();
  });

  it('keeps revisionHistoryLimit old ReplicaSets', async () => {
    const sim = startSim({ controllers });
    const fake = startFakeCluster(sim, { readyAfterMs: 500, terminateAfterMs: 100 });
    createDeployment(sim, 'web', 2, { revisionHistoryLimit: 1 });
    for (const tag of ['1.28', '1.29', '1.30']) {
      await sim.until('settled', () => dStatus(sim, 'web')?.availableReplicas === 2 && dStatus(sim, 'web').updatedReplicas === 2 && dStatus(sim, 'web').replicas === 2);
      setImage(sim, 'web', `nginx:${tag}`);
    }
    await sim.until('last rollout', () => dStatus(sim, 'web').updatedReplicas === 2 && dStatus(sim, 'web').replicas === 2 && dStatus(sim, 'web').availableReplicas === 2 && rsOf(sim).length === 2);
    const revisions = rsOf(sim).map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['3', '4']);
    fake.stop();
    sim.stop();
  });

  it('scales (as kubectl scale does) without a new revision', async () => {
    const sim = startSim({ controllers });
    const fake = startFakeCluster(sim);
    createDeployment(sim, 'web', 2);
    await sim.until('up', () => dStatus(sim, 'web')?.availableReplicas === 2);
    setReplicas(sim, 'web', 5);
    await sim.until('scaled', () => dStatus(sim, 'web').availableReplicas === 5);
    expect(rsOf(sim)).toHaveLength(1);
    expect(messages(sim, 'ScalingReplicaSet')).toContain(`Scaled up replica set ${rsOf(sim)[0]!.metadata.name} to 5 from 2`);
    expect(rsOf(sim)[0]!.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('5');
    fake.stop();
    sim.stop();
  });

  it('reports MinimumReplicasUnavailable while pods are not ready', async () => {
    const sim = startSim({ controllers });
    const fake = startFakeCluster(sim, { noScheduler: true });
    createDeployment(sim, 'web', 4);
    await sim.advance(5_000);
    const conds = Object.fromEntries(dStatus(sim, 'web').conditions.map((c) => [c.type, `${c.status}/${c.reason}`]));
    expect(conds).toEqual({ Available: 'False/MinimumReplicasUnavailable', Progressing: 'True/ReplicaSetUpdated' });
    expect(dStatus(sim, 'web')).toMatchObject({ replicas: 4, unavailableReplicas: 4 });
    await sim.advance(601_000);
    expect(dStatus(sim, 'web').conditions.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    fake.stop();
    sim.stop();
  });
});
