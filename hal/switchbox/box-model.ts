// The stand-in box as a pure state machine: schedule items and key commands in, frames out. Holds
// the state, the heartbeat counter and the heartbeat switch; the runner does the I/O.
import { encodeMessage, type SerialMessage } from '../sources/serial/index.ts';
import { applyMessage, fullStateMessages, initialState, refreshMessages, type BoxState } from './box-state.ts';
import type { BoxLayout } from './layout.ts';
import type { ScheduleItem } from './schedule.ts';
import type { ScriptStep } from './script.ts';

/** HB seq wraps at 2^32 like the firmware's uint32 counter (see hal/sources/serial/heartbeat.ts). */
const SEQ_MODULUS = 2 ** 32;

export class BoxModel {
  readonly layout: BoxLayout;
  private current: BoxState;
  private seq = 0;
  private beating = true;

  constructor(layout: BoxLayout, options: { armed: boolean; lived?: readonly ScriptStep[] }) {
    this.layout = layout;
    let s = initialState(layout, options.armed);
    for (const step of options.lived ?? []) s = applyMessage(s, step.message);
    this.current = s;
  }

  get state(): BoxState {
    return this.current;
  }

  get heartbeats(): boolean {
    return this.beating;
  }

  /** Stops or resumes heartbeats (a box that hangs: the HAL must raise box-fault, never separate). */
  setHeartbeats(on: boolean): void {
    this.beating = on;
  }

  /** The frames for one schedule item. */
  frames(item: ScheduleItem): SerialMessage[] {
    const out = this.apply(item.events);
    if (item.refresh) out.push(...refreshMessages(this.current));
    if (item.heartbeat && this.beating) out.push(this.beat());
    return out;
  }

  /** Sends `messages` as the box's own changes (key presses), updating the state. */
  apply(messages: readonly SerialMessage[]): SerialMessage[] {
    for (const m of messages) this.current = applyMessage(this.current, m);
    return [...messages];
  }

  /** What the box sends when its line comes (back) up: the full state, then a heartbeat. */
  hello(): SerialMessage[] {
    return [...fullStateMessages(this.current), ...(this.beating ? [this.beat()] : [])];
  }

  private beat(): SerialMessage {
    const m: SerialMessage = { type: 'HB', seq: this.seq };
    this.seq = (this.seq + 1) % SEQ_MODULUS;
    return m;
  }
}

/** Frames as the bytes on the line. */
export function encodeAll(messages: readonly SerialMessage[]): string {
  return messages.map(encodeMessage).join('');
}
