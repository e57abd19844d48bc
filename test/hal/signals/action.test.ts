import { describe, expect, it } from 'vitest';
import { ACTION_SHAPES, isDestructive, type Action } from '../../../hal/signals/index.ts';

const node = { by: 'node', name: 'n1' } as const;

describe('isDestructive', () => {
  it.each<[Action, boolean]>([
    [{ type: 'detach-stage', stage: 's1' }, true],
    [{ type: 'power-off', target: node }, true],
    [{ type: 'node-fault', target: node, fault: 'crash' }, true],
    [{ type: 'node-fault', target: node, fault: 'partition' }, true],
    [{ type: 'node-fault', target: node, fault: 'clear' }, false],
    [{ type: 'power-on', target: node }, false],
    [{ type: 'cordon-stage', stage: 's1' }, false],
    [{ type: 'drain-stage', stage: 's1' }, false],
    [{ type: 'brownout-taint', target: node }, false],
    [{ type: 'brownout-untaint', target: node }, false],
    [{ type: 'shed-pods', target: node, belowPriority: 1000 }, false],
    [{ type: 'link-lost', link: 'sband', target: node }, false],
    [{ type: 'link-acquired', link: 'sband', target: node }, false],
    [{ type: 'scale-workload', workload: 'w', replicas: 0 }, false],
    [{ type: 'rollout-image', workload: 'w', image: 'i:2' }, false],
    [{ type: 'label-node', target: node, labels: { a: null } }, false],
    [{ type: 'annotate-node', target: node, annotations: { a: 'b' } }, false],
    [{ type: 'emit-event', target: node, reason: 'PowerLost', eventType: 'Warning', message: 'm' }, false],
    [{ type: 'alarm', alarm: 'box-fault', state: 'raised', subject: 'box0', message: 'm' }, false],
  ])('%j → %s', (action, expected) => {
    expect(isDestructive(action)).toBe(expected);
  });

  it('the table above covers every action type', () => {
    // A new action type must be classified here too (and tsc forces a case in isDestructive).
    expect(Object.keys(ACTION_SHAPES)).toHaveLength(17);
  });
});
