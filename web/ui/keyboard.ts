// Keyboard shortcuts as a pure mapping: space play/pause, arrows step (shift ×10), L live, Esc
// clears the selection. Keys typed into a form field stay the field's.
import { goLive, step, togglePlay, type Playback, type Span } from './playback.ts';

export type Command =
  | { readonly kind: 'toggle-play' }
  | { readonly kind: 'step'; readonly direction: -1 | 1; readonly big: boolean }
  | { readonly kind: 'go-live' }
  | { readonly kind: 'clear-selection' };

const FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function commandFor(key: string, shift: boolean, targetTag: string, modifier = false): Command | undefined {
  if (modifier || FIELDS.has(targetTag.toUpperCase())) return undefined;
  switch (key) {
    case ' ':
    case 'Spacebar':
      return { kind: 'toggle-play' };
    case 'ArrowLeft':
      return { kind: 'step', direction: -1, big: shift };
    case 'ArrowRight':
      return { kind: 'step', direction: 1, big: shift };
    case 'l':
    case 'L':
      return { kind: 'go-live' };
    case 'Escape':
      return { kind: 'clear-selection' };
    default:
      return undefined;
  }
}

/** What a command does to playback; clearing the selection is the host's (it owns the selection). */
export function applyCommand(cmd: Command, p: Playback, span: Span): Playback | 'clear-selection' {
  switch (cmd.kind) {
    case 'toggle-play':
      return togglePlay(p, span);
    case 'step':
      return step(p, cmd.direction, cmd.big, span);
    case 'go-live':
      return goLive(p, span);
    case 'clear-selection':
      return 'clear-selection';
  }
}
