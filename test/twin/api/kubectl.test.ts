// Real kubectl against the twin over HTTPS: the commands trainees type. Skipped, visibly, without kubectl.
import { execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestTwin, type TestTwin } from '../../helpers/twin.ts';

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
if (!KUBECTL) console.warn('SKIPPED: kubectl tests — no kubectl at /usr/bin/kubectl (CI machines have it)');
const run = promisify(execFile);

let t: TestTwin;

async function kubectl(args: string[], kubeconfig = t.adminPath): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(KUBECTL!, args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: t.dir }, timeout: 30_000 });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { stdout: err.stdout ?? '', stderr: err.stderr ?? '', code: typeof err.code === 'number' ? err.code : 1 };
  }
}

const columns = (line: string) => line.trim().split(/\s{2,}/);

describe.skipIf(!KUBECTL)('kubectl against the twin', () => {
  beforeAll(async () => {
    t = await startTestTwin({
      nodes: [
        { name: 'stage1-a', labels: { 'kis.dev/stage': 'stage1' } },
        { name: 'stage2-cp', role: 'control-plane', labels: { 'kis.dev/stage': 'stage2' } },
      ],
    });
    const core = t.kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: 'flight' } } });
    await core.createNamespacedPod({ namespace: 'flight', body: { metadata: { name: 'gnc-0' }, spec: { nodeName: 'stage1-a', containers: [{ name: 'gnc', image: 'registry.k8s.io/pause:3.10' }] } } });
  });
  afterAll(() => t?.stop());

  it('get nodes prints upstream columns', async () => {
    const { stdout, code, stderr } = await kubectl(['get', 'nodes']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(columns(lines[0]!)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(columns(lines[1]!).slice(0, 3)).toEqual(['stage1-a', 'Ready', '<none>']);
    expect(columns(lines[2]!).slice(0, 3)).toEqual(['stage2-cp', 'Ready', 'control-plane']);
    expect(lines[1]).toContain('v1.32.0-kis');
  });

  it('get nodes -o wide adds the wide columns', async () => {
    const { stdout } = await kubectl(['get', 'nodes', '-o', 'wide']);
    const header = columns(stdout.split('\n')[0]!);
    expect(header).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', 'INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME']);
    expect(stdout).toContain('kis simulated node');
  });

  it('get pods -A lists pods in every namespace', async () => {
    const { stdout } = await kubectl(['get', 'pods', '-A']);
    const lines = stdout.trim().split('\n');
    expect(columns(lines[0]!)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(columns(lines.find((l) => l.includes('gnc-0'))!).slice(0, 5)).toEqual(['flight', 'gnc-0', '0/1', 'Pending', '0']);
  });

  it('describe node reads like a real cluster', async () => {
    const { stdout, stderr, code } = await kubectl(['describe', 'node', 'stage1-a']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Name:\s+stage1-a$/m);
    expect(stdout).toMatch(/kis\.dev\/stage=stage1/);
    expect(stdout).toMatch(/Ready\s+True/);
    expect(stdout).toMatch(/Non-terminated Pods:\s+\(1 in total\)/);
    expect(stdout).toContain('gnc-0');
  });

  it('cordon and uncordon', async () => {
    expect((await kubectl(['cordon', 'stage1-a'])).stdout).toContain('node/stage1-a cordoned');
    expect((await kubectl(['get', 'node', 'stage1-a'])).stdout).toContain('Ready,SchedulingDisabled');
    expect((await kubectl(['uncordon', 'stage1-a'])).stdout).toContain('node/stage1-a uncordoned');
    expect((await kubectl(['get', 'node', 'stage1-a'])).stdout).not.toContain('SchedulingDisabled');
  });

  it('apply -f creates a Deployment and a PDB, is idempotent, and configures a change', async () => {
    const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: guidance
  namespace: flight
spec:
  replicas: 3
  selector:
    matchLabels: {app: guidance}
  template:
    metadata:
      labels: {app: guidance}
    spec:
      containers:
      - name: guidance
        image: ${image}
        resources:
          requests: {cpu: 100m, memory: 64Mi}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: guidance
  namespace: flight
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: guidance}
`;
    const file = join(t.dir, 'guidance.yaml');
    writeFileSync(file, manifest('registry.k8s.io/pause:3.10'));
    const first = await kubectl(['apply', '-f', file]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('deployment.apps/guidance created');
    expect(first.stdout).toContain('poddisruptionbudget.policy/guidance created');
    const again = await kubectl(['apply', '-f', file]);
    expect(again.stdout).toContain('deployment.apps/guidance unchanged');
    expect(again.stdout).toContain('poddisruptionbudget.policy/guidance unchanged');
    writeFileSync(file, manifest('registry.k8s.io/pause:3.9'));
    const changed = await kubectl(['apply', '-f', file]);
    expect(changed.stdout).toContain('deployment.apps/guidance configured');
    const apps = t.kc.makeApiClient(k8s.AppsV1Api);
    const d = await apps.readNamespacedDeployment({ name: 'guidance', namespace: 'flight' });
    expect(d.spec?.template.spec?.containers[0]?.image).toBe('registry.k8s.io/pause:3.9');
    expect(d.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain('pause:3.9');
    const get = await kubectl(['get', 'deploy,pdb', '-n', 'flight']);
    expect(get.stdout).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/);
    expect(get.stdout).toMatch(/NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE/);
  });

  it('apply rejects an unknown field (server-side strict validation)', async () => {
    const file = join(t.dir, 'bad.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\n  namespace: flight\ndata: {a: "1"}\nrocket: true\n');
    const res = await kubectl(['apply', '-f', file]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('unknown field "rocket"');
  });

  it('get pods -w shows a change as it happens', async () => {
    const child = spawn(KUBECTL!, ['get', 'pods', '-n', 'flight', '-w'], { env: { ...process.env, KUBECONFIG: t.adminPath, HOME: t.dir } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await eventually('the initial listing', () => out.includes('gnc-0'));
      const core = t.kc.makeApiClient(k8s.CoreV1Api);
      await core.createNamespacedPod({ namespace: 'flight', body: { metadata: { name: 'telemetry-0' }, spec: { containers: [{ name: 't', image: 'registry.k8s.io/pause:3.10' }] } } });
      await eventually('the new pod in the watch output', () => /telemetry-0\s+0\/1\s+Pending/.test(out));
      await core.deleteNamespacedPod({ name: 'telemetry-0', namespace: 'flight' });
      await eventually('the deletion in the watch output', () => out.split('\n').filter((l) => l.includes('telemetry-0')).length >= 2);
    } finally {
      child.kill();
    }
    expect(out).not.toMatch(/error/i);
  });

  it('create (sent as protobuf by kubectl) makes what was asked for', async () => {
    const res = await kubectl(['create', 'deployment', 'telemetry', '-n', 'flight', '--image=registry.k8s.io/pause:3.10', '--replicas=3']);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('deployment.apps/telemetry created');
    const got = await kubectl(['get', 'deployment', 'telemetry', '-n', 'flight', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.selector.matchLabels.app}']);
    expect(got.stdout).toBe('3 registry.k8s.io/pause:3.10 telemetry');
  });

  it('delete removes an object', async () => {
    await kubectl(['create', 'configmap', 'doomed', '-n', 'flight', '--from-literal=a=1']);
    const res = await kubectl(['delete', 'configmap', 'doomed', '-n', 'flight']);
    expect(res.stdout).toContain('configmap "doomed" deleted');
    expect((await kubectl(['get', 'configmap', 'doomed', '-n', 'flight'])).stderr).toContain('NotFound');
  });

  it('the viewer kubeconfig reads but is refused a write', async () => {
    expect((await kubectl(['get', 'nodes'], t.viewerPath)).code).toBe(0);
    const res = await kubectl(['delete', 'node', 'stage1-a'], t.viewerPath);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('Error from server (Forbidden): nodes "stage1-a" is forbidden: User "kis-viewer" cannot delete resource "nodes"');
    expect((await kubectl(['get', 'node', 'stage1-a'])).code).toBe(0);
  });
});
