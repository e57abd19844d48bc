import { describe, expect, it } from 'vitest';
import type { NodeView, PodView } from '../../../web/model/types.ts';
import { nodeStatus, nodeTone, podTone } from '../../../web/ui/status.ts';
import { nodeView, podView } from '../scene/fixtures.ts';

// The scene's view builders: one healthy default for every web test.
const node = (over: Partial<NodeView> = {}): NodeView => nodeView('n', over);
const pod = podView;

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
