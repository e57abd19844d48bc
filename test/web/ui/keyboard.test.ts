import { describe, expect, it } from 'vitest';
import { commandFor } from '../../../web/ui/keyboard.ts';

describe('keyboard', () => {
  it.each([
    [' ', false, 'BODY', false, { kind: 'toggle-play' }],
    [' ', false, 'CANVAS', false, { kind: 'toggle-play' }],
    ['ArrowLeft', false, 'BODY', false, { kind: 'step', direction: -1, big: false }],
    ['ArrowRight', true, 'BODY', false, { kind: 'step', direction: 1, big: true }],
    ['L', false, 'BODY', false, { kind: 'go-live' }],
    ['Escape', false, 'BODY', false, { kind: 'clear-selection' }],
    [' ', false, 'INPUT', false, undefined],
    ['ArrowLeft', false, 'select', false, undefined],
    ['ArrowLeft', false, 'BODY', true, undefined],
    ['x', false, 'BODY', false, undefined],
  ] as const)('%j shift=%s in %s (mod %s)', (key, shift, tag, mod, want) => {
    expect(commandFor(key, shift, tag, mod)).toEqual(want);
  });
});
