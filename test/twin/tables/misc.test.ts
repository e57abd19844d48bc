import { describe, expect, it } from 'vitest';
import { toTable, type KubeObjectLike } from '../../../sim/twin/tables/index.ts';
import { M, NOW, ago } from './fixtures.ts';

function cells(resource: string, obj: KubeObjectLike): unknown[] {
  return toTable(resource, [obj], { now: NOW, includeObject: 'None' }).rows[0]!.cells;
}

const metadata = { name: 'x', creationTimestamp: ago(5 * M) };

describe('core, policy, scheduling and coordination printers', () => {
  it.each([
    ['namespaces', { metadata, status: { phase: 'Terminating' } }, ['x', 'Terminating', '5m']],
    ['namespaces', { metadata }, ['x', 'Active', '5m']],
    ['configmaps', { metadata, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, ['x', 3, '5m']],
    ['secrets', { metadata, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }, ['x', 'kubernetes.io/tls', 2, '5m']],
    ['serviceaccounts', { metadata, secrets: [{ name: 's' }] }, ['x', 1, '5m']],
    ['serviceaccounts', { metadata }, ['x', 0, '5m']],
    ['poddisruptionbudgets.policy', { metadata, spec: { minAvailable: 22 }, status: { disruptionsAllowed: 5 } }, ['x', '22', 'N/A', 5, '5m']],
    ['poddisruptionbudgets.policy', { metadata, spec: { maxUnavailable: '11%' }, status: { disruptionsAllowed: 0 } }, ['x', 'N/A', '11%', 0, '5m']],
    ['priorityclasses.scheduling.k8s.io', { metadata, value: 1000000, globalDefault: true, preemptionPolicy: 'Never' }, ['x', 1000000, true, '5m', 'Never']],
    ['priorityclasses.scheduling.k8s.io', { metadata, value: -5 }, ['x', -5, false, '5m', 'PreemptLowerPriority']],
    ['leases.coordination.k8s.io', { metadata, spec: { holderIdentity: 'stage1-a', leaseDurationSeconds: 40 } }, ['x', 'stage1-a', '5m']],
    ['leases.coordination.k8s.io', { metadata, spec: {} }, ['x', '', '5m']],
  ])('%s %#', (resource, obj, want) => {
    expect(cells(resource, obj)).toEqual(want);
  });
});

// Cells: name, type, cluster-ip, external-ip, ports, age, selector.
describe('printService (shaped after upstream TestPrintService)', () => {
  it.each([
    ['ClusterIP with defaulted protocol', { type: 'ClusterIP', clusterIPs: ['10.9.8.7'], ports: [{ port: 2233 }], selector: { app: 'a', b: 'c' } }, {},
      ['x', 'ClusterIP', '10.9.8.7', '<none>', '2233/TCP', '5m', 'app=a,b=c']],
    ['NodePort', { type: 'NodePort', clusterIPs: ['10.9.8.7'], ports: [{ protocol: 'TCP', port: 8888, nodePort: 9999 }] }, {},
      ['x', 'NodePort', '10.9.8.7', '<none>', '8888:9999/TCP', '5m', '<none>']],
    ['LoadBalancer pending', { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], ports: [{ protocol: 'UDP', port: 53 }] }, {},
      ['x', 'LoadBalancer', '10.9.8.7', '<pending>', '53/UDP', '5m', '<none>']],
    ['LoadBalancer with ingress and externalIPs', { type: 'LoadBalancer', clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'], ports: [{ protocol: 'TCP', port: 8888, nodePort: 9999 }] },
      { loadBalancer: { ingress: [{ ip: '3.4.5.6' }, { hostname: 'lb.example' }, { ip: '2.3.4.5' }] } },
      ['x', 'LoadBalancer', '10.9.8.7', '2.3.4.5,3.4.5.6,lb.example,80.11.12.10', '8888:9999/TCP', '5m', '<none>']],
    ['ExternalName', { type: 'ExternalName', externalName: 'my.database.example.com' }, {},
      ['x', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '5m', '<none>']],
    ['headless, type defaulted, clusterIP only', { clusterIP: 'None', ports: [{ port: 80 }, { port: 443 }] }, {},
      ['x', 'ClusterIP', 'None', '<none>', '80/TCP,443/TCP', '5m', '<none>']],
  ])('%s', (_name, spec, status, want) => {
    expect(cells('services', { metadata, spec, status })).toEqual(want);
  });
});
