import { describe, expect, it } from 'vitest';
import { toTable, type KubeObjectLike } from '../../../sim/twin/tables/index.ts';
import { M, NOW, S, ago } from './fixtures.ts';

function cells(resource: string, event: KubeObjectLike): unknown[] {
  return toTable(resource, [event], { now: NOW, includeObject: 'None' }).rows[0]!.cells;
}

describe('event columns', () => {
  it('are LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME', () => {
    const cols = toTable('events', [], { now: NOW }).columnDefinitions;
    expect(cols.map((c) => [c.name, c.priority])).toEqual([
      ['Last Seen', 0], ['Type', 0], ['Reason', 0], ['Object', 0], ['Subobject', 1], ['Source', 1],
      ['Message', 0], ['First Seen', 1], ['Count', 1], ['Name', 1],
    ]);
  });
});

// Cells in order: last seen, type, reason, object, subobject, source, message, first seen, count, name.
describe('printEvent (cases shaped after upstream TestPrintEvent)', () => {
  it.each([
    ['source with host', {
      metadata: { name: 'event1' },
      source: { component: 'kubelet', host: 'Node1' },
      involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
      reason: 'Event Reason', message: 'Message Data', firstTimestamp: ago(3 * 86400_000), lastTimestamp: ago(2 * 86400_000), count: 6, type: 'Normal',
    }, ['2d', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 6, 'event1']],
    ['source without host', {
      metadata: { name: 'event2' },
      source: { component: 'kubelet' },
      involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
      reason: 'Event Reason', message: 'Message Data', firstTimestamp: ago(3 * 86400_000), lastTimestamp: ago(2 * 86400_000), count: 6, type: 'Normal',
    }, ['2d', 'Normal', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet', 'Message Data', '3d', 6, 'event2']],
    ['new-API event: eventTime, reporting controller, no count', {
      metadata: { name: 'event3' },
      reportingController: 'kis-hal', reportingInstance: 'hal-0',
      involvedObject: { kind: 'Node', name: 'stage2-a' },
      reason: 'StageSeparated', message: ' Stage 2 separated \n', eventTime: '2025-03-01T11:58:00.000000Z', type: 'Normal',
    }, ['2m', 'Normal', 'StageSeparated', 'node/stage2-a', '', 'kis-hal, hal-0', 'Stage 2 separated', '2m', 1, 'event3']],
    ['series overrides last seen and count', {
      metadata: { name: 'event4' },
      involvedObject: { kind: 'Pod' },
      reason: 'BackOff', message: 'm', eventTime: ago(10 * M), series: { count: 4, lastObservedTime: ago(30 * S) }, type: 'Warning',
    }, ['30s', 'Warning', 'BackOff', 'pod', '', '', 'm', '10m', 4, 'event4']],
    ['no timestamps at all', { metadata: { name: 'e' } },
      ['<unknown>', '', '', '', '', '', '', '<unknown>', 1, 'e']],
  ])('%s', (_name, event, want) => {
    expect(cells('events', event)).toEqual(want);
  });

  it('prints events.k8s.io/v1 Events through the same printer after conversion', () => {
    const event = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e1' },
      regarding: { kind: 'Node', name: 'stage1-b' }, note: 'Bus B below 24 V', reason: 'PowerBrownout', type: 'Warning',
      reportingController: 'kis.dev/hal', reportingInstance: 'hal-1', eventTime: ago(5 * S), action: 'Taint',
      deprecatedCount: 2, deprecatedFirstTimestamp: ago(90 * S), deprecatedLastTimestamp: ago(5 * S),
    };
    expect(cells('events.events.k8s.io', event)).toEqual([
      '5s', 'Warning', 'PowerBrownout', 'node/stage1-b', '', 'kis.dev/hal, hal-1', 'Bus B below 24 V', '90s', 2, 'e1',
    ]);
  });
});
