import { describe, expect, it } from 'vitest';
import type { NodeView, PodView } from '../../../web/model/types.ts';
import { nodeStatus, nodeTone, podTone } from '../../../web/ui/status.ts';

const node = (over: Partial<NodeView> = {}): NodeView => ({
  name: 'n',
  role: 'worker',
  ready: 'True',
  power: 'on',
  attached: true,
  unschedulable: false,
  taints: [],
  labels: {},
  conditions: {},
  present: true,
  ...over,
});
const pod = (over: Partial<PodView> = {}): PodView => ({ key: 'ns/p', name: 'p', namespace: 'ns', phase: 'Running', ready: true, restarts: 0, ...over });

describe('status words and tones', () => {
  it.each([
    [node(), 'Ready', 'ok'],
    [node({ unschedulable: true }), 'Ready, cordoned', 'warn'],
    [node({ taints: ['kis.dev/power:NoSchedule'] }), 'Ready', 'warn'],
    [node({ ready: 'Unknown' }), 'unreachable', 'bad'],
    [node({ ready: 'False' }), 'NotReady', 'bad'],
    [node({ power: 'off', ready: 'Unknown' }), 'powered off', 'bad'],
    [node({ attached: false }), 'separated', 'muted'],
    [node({ present: false }), 'deleted', 'muted'],
  ] as [NodeView, string, string][])('node %#: %s', (n, word, tone) => {
    expect(nodeStatus(n)).toBe(word);
    expect(nodeTone(n)).toBe(tone);
  });

  it.each([
    [pod(), 'ok'],
    [pod({ ready: false }), 'warn'],
    [pod({ phase: 'Pending', ready: false }), 'warn'],
    [pod({ phase: 'Terminating' }), 'warn'],
    [pod({ phase: 'Failed' }), 'bad'],
    [pod({ phase: 'Succeeded' }), 'muted'],
  ] as [PodView, string][])('pod %#: %s', (p, tone) => {
    expect(podTone(p)).toBe(tone);
  });
});
