import { describe, expect, it } from 'vitest';
import { applyCommand, commandFor } from '../../../web/ui/keyboard.ts';

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

  it('commands move playback', () => {
    const span = { startMs: 0, endMs: 10_000, live: true };
    const p = { t: 5_000, playing: false, speed: 1 as const, follow: false };
    expect(applyCommand({ kind: 'toggle-play' }, p, span)).toMatchObject({ playing: true });
    expect(applyCommand({ kind: 'step', direction: -1, big: true }, p, span)).toMatchObject({ t: 0 });
    expect(applyCommand({ kind: 'go-live' }, p, span)).toMatchObject({ t: 10_000, follow: true });
    expect(applyCommand({ kind: 'clear-selection' }, p, span)).toBe('clear-selection');
  });
});
