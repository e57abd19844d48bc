import { describe, expect, it } from 'vitest';
import type { Action } from '../../../../hal/signals/index.ts';
import { ArmState, mayRun, type ArmMode } from '../../../../hal/sources/serial/index.ts';

type KeyEvent = readonly [box: string, state: 'ARM' | 'SAFE' | 'lost'];

function armed(mode: ArmMode, keys: readonly KeyEvent[]): boolean {
  const a = new ArmState(mode);
  for (const [box, k] of keys) {
    if (k === 'lost') a.keyLost(box);
    else a.key(box, k === 'ARM');
  }
  return a.armed;
}

describe('ArmState', () => {
  it.each<[ArmMode, KeyEvent[], boolean]>([
    ['safe', [], false],
    ['safe', [['box0', 'ARM']], false],
    ['armed', [], true],
    ['armed', [['box0', 'ARM']], true],
    ['armed', [['box0', 'SAFE']], false],
    ['armed', [['box0', 'SAFE'], ['box0', 'lost']], false],
    ['armed', [['box0', 'ARM'], ['box0', 'lost']], false],
    ['armed', [['box0', 'lost']], true],
    ['key', [], false],
    ['key', [['box0', 'ARM']], true],
    ['key', [['box0', 'ARM'], ['box0', 'SAFE']], false],
    ['key', [['box0', 'SAFE'], ['box0', 'ARM']], true],
    ['key', [['box0', 'ARM'], ['box1', 'SAFE']], false],
    ['key', [['box0', 'ARM'], ['box1', 'ARM']], true],
    ['key', [['box0', 'ARM'], ['box0', 'lost']], false],
    ['key', [['box0', 'ARM'], ['box0', 'lost'], ['box0', 'ARM']], true],
  ])('%s with keys %j → armed %s', (mode, keys, expected) => {
    expect(armed(mode, keys)).toBe(expected);
  });

  it('says why it is safe', () => {
    const a = new ArmState('key');
    expect(a.status().reason).toBe('no box has reported its key');
    a.key('box1', true);
    a.key('box0', false);
    expect(a.status()).toEqual({ armed: false, reason: 'key box0 SAFE' });
    a.keyLost('box1');
    expect(a.status().reason).toBe('key box0 SAFE, box1 unknown');
    expect(new ArmState('safe').status().reason).toBe('the wiring file says safe');
  });
});

describe('mayRun', () => {
  const node = { by: 'node', name: 'n1' } as const;
  it.each<[Action, boolean, boolean]>([
    [{ type: 'detach-stage', stage: 's1' }, false, false],
    [{ type: 'detach-stage', stage: 's1' }, true, true],
    [{ type: 'power-off', target: node }, false, false],
    [{ type: 'power-off', target: node }, true, true],
    [{ type: 'node-fault', target: node, fault: 'crash' }, false, false],
    [{ type: 'node-fault', target: node, fault: 'clear' }, false, true],
    [{ type: 'power-on', target: node }, false, true],
    [{ type: 'drain-stage', stage: 's1' }, false, true],
    [{ type: 'brownout-taint', target: node }, false, true],
    [{ type: 'alarm', alarm: 'box-fault', state: 'raised', subject: 'box0', message: 'silent' }, false, true],
  ])('%j when armed=%s → %s', (action, isArmed, expected) => {
    expect(mayRun(action, isArmed)).toBe(expected);
    expect(mayRun(action, { armed: isArmed })).toBe(expected);
  });

  it('takes an ArmState directly', () => {
    const a = new ArmState('key');
    const detach: Action = { type: 'detach-stage', stage: 's1' };
    expect(mayRun(detach, a)).toBe(false);
    a.key('box0', true);
    expect(mayRun(detach, a)).toBe(true);
  });
});
