// ARM/SAFE, pure: combines the wiring file's setting with the switch boxes' keys, and decides
// whether an action may run — actions that remove nodes or cut their power run only when armed.
import { isDestructive, type Action } from '../../signals/index.ts';

/**
 * safe: never armed (a dry rehearsal). armed: armed unless a key says SAFE (a rig without a key).
 * key: armed only while a box key says ARM.
 */
export type { ArmMode } from '../../signals/index.ts';
import type { ArmMode } from '../../signals/index.ts';

export interface ArmStatus {
  readonly armed: boolean;
  /** For the status line and refusals: why we are armed or safe. */
  readonly reason: string;
}

type KeyState = 'armed' | 'safe' | 'unknown';

export class ArmState {
  readonly mode: ArmMode;
  private readonly keys = new Map<string, KeyState>();

  constructor(mode: ArmMode) {
    this.mode = mode;
  }

  /** An ARM frame from `box`. */
  key(box: string, armed: boolean): void {
    this.keys.set(box, armed ? 'armed' : 'safe');
  }

  /**
   * The box went silent or was unplugged: its key is unknown until it reports again, and unknown
   * counts as SAFE — unplugging a box whose key said SAFE must never arm the system.
   */
  keyLost(box: string): void {
    if (this.keys.has(box)) this.keys.set(box, 'unknown');
  }

  get armed(): boolean {
    return this.status().armed;
  }

  status(): ArmStatus {
    if (this.mode === 'safe') return { armed: false, reason: 'the wiring file says safe' };
    const boxes = [...this.keys.keys()].sort();
    const notArmed = boxes.filter((b) => this.keys.get(b) !== 'armed');
    if (notArmed.length > 0) {
      const what = notArmed.map((b) => `${b} ${this.keys.get(b) === 'safe' ? 'SAFE' : 'unknown'}`).join(', ');
      return { armed: false, reason: `key ${what}` };
    }
    if (this.mode === 'key' && boxes.length === 0) return { armed: false, reason: 'no box has reported its key' };
    return { armed: true, reason: boxes.length ? `key ARM (${boxes.join(', ')})` : 'the wiring file says armed' };
  }
}

/** True when `action` may run now: destructive actions (hal/signals isDestructive) need armed. */
export function mayRun(action: Action, arm: boolean | { readonly armed: boolean }): boolean {
  const armed = typeof arm === 'boolean' ? arm : arm.armed;
  return armed || !isDestructive(action);
}
