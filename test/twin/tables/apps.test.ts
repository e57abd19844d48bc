import { describe, expect, it } from 'vitest';
import { toTable, type KubeObjectLike } from '../../../sim/twin/tables/index.ts';
import { H, NOW, ago } from './fixtures.ts';

function cells(resource: string, obj: KubeObjectLike): unknown[] {
  return toTable(resource, [obj], { now: NOW, includeObject: 'None' }).rows[0]!.cells;
}

const template = {
  metadata: { labels: { app: 'telemetry' } },
  spec: { nodeSelector: { 'kis.dev/stage': 'upper', 'kis.dev/role': 'compute' }, containers: [{ name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] },
};
const selector = { matchLabels: { app: 'telemetry' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] };
const metadata = { name: 'test1', creationTimestamp: ago(10 * H) };

describe('apps/v1 printers (shaped after upstream TestPrintDeployment, TestPrintReplicaSet, ...)', () => {
  it.each([
    ['deployments.apps',
      { metadata, spec: { replicas: 5, template, selector }, status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4, readyReplicas: 1 } },
      ['test1', '1/5', 2, 1, '10h', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'app=telemetry,tier in (a,b)']],
    ['replicasets.apps',
      { metadata, spec: { replicas: 5, template, selector }, status: { replicas: 5, readyReplicas: 2 } },
      ['test1', 5, 5, 2, '10h', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'app=telemetry,tier in (a,b)']],
    ['statefulsets.apps',
      { metadata, spec: { replicas: 5, template, selector }, status: { replicas: 5, readyReplicas: 2 } },
      ['test1', '2/5', '10h', 'fake-container1,fake-container2', 'fake-image1,fake-image2']],
    ['daemonsets.apps',
      { metadata, spec: { template, selector }, status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0 } },
      ['test1', 3, 2, 1, 2, 0, 'kis.dev/role=compute,kis.dev/stage=upper', '10h', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'app=telemetry,tier in (a,b)']],
  ])('%s', (resource, obj, want) => {
    expect(cells(resource, obj)).toEqual(want);
  });

  it.each([
    ['deployments.apps', ['x', '0/1', 0, 0, '<unknown>', '', '', '']],
    ['replicasets.apps', ['x', 1, 0, 0, '<unknown>', '', '', '<none>']],
    ['statefulsets.apps', ['x', '0/1', '<unknown>', '', '']],
    ['daemonsets.apps', ['x', 0, 0, 0, 0, 0, '<none>', '<unknown>', '', '', '<none>']],
  ])('%s: unset replicas default to 1 and empty selectors print as upstream does', (resource, want) => {
    expect(cells(resource, { metadata: { name: 'x' } })).toEqual(want);
  });

  it('prints "<invalid>" / "<error>" for selectors upstream cannot parse', () => {
    const bad = { matchExpressions: [{ key: 'k', operator: 'In', values: [] }] };
    expect(cells('deployments.apps', { metadata: { name: 'x' }, spec: { selector: bad } })[7]).toBe('<invalid>');
    expect(cells('replicasets.apps', { metadata: { name: 'x' }, spec: { selector: bad } })[7]).toBe('<error>');
  });

  it('column headers and priorities match upstream', () => {
    const cols = (r: string) => toTable(r, [], { now: NOW }).columnDefinitions.map((c) => `${c.name}${c.priority ? '*' : ''}`);
    expect(cols('deployments.apps')).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*']);
    expect(cols('replicasets.apps')).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']);
    expect(cols('statefulsets.apps')).toEqual(['Name', 'Ready', 'Age', 'Containers*', 'Images*']);
    expect(cols('daemonsets.apps')).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*']);
  });
});
