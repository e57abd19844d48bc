// `kis switchbox` driven by keys on a TTY, pure: a key → a command → the frames the box sends.
import type { SerialMessage } from '../sources/serial/index.ts';
import type { BoxState } from './box-state.ts';
import type { BoxLayout } from './layout.ts';

export type KeyCommand =
  | { readonly kind: 'plane'; readonly index: number }
  | { readonly kind: 'bounce'; readonly index: number }
  | { readonly kind: 'switch'; readonly switchId: string }
  | { readonly kind: 'arm' }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'links' }
  | { readonly kind: 'bus-step'; readonly millivolts: number }
  | { readonly kind: 'bus-cut' }
  | { readonly kind: 'resend' }
  | { readonly kind: 'quit' };

/** US-layout shifted digits: Shift+1 is "!", so Shift+N bounces plane N. */
const SHIFTED_DIGITS = '!@#$%^&*(';
const SWITCH_KEYS = 'abcdefghijklmnopqrstuvwxyz';
const BUS_STEP_MV = 500;
/** PWR frames carry at most 7 digits (hal/sources/serial/message.ts). */
const MAX_MV = 9_999_999;

/** Switch ids in key order: a, b, c … across the planes. */
export function switchKeys(layout: BoxLayout): Map<string, string> {
  const ids = layout.planes.flatMap((p) => p.switches);
  return new Map(ids.slice(0, SWITCH_KEYS.length).map((id, i) => [SWITCH_KEYS[i]!, id]));
}

export function keyCommand(key: string, layout: BoxLayout): KeyCommand | undefined {
  if (key === '\u0003' || key === 'Q') return { kind: 'quit' }; // Ctrl-C in raw mode arrives as a byte
  const digit = '123456789'.indexOf(key);
  if (digit >= 0) return digit < layout.planes.length ? { kind: 'plane', index: digit } : undefined;
  const shifted = SHIFTED_DIGITS.indexOf(key);
  if (shifted >= 0) return shifted < layout.planes.length ? { kind: 'bounce', index: shifted } : undefined;
  const sw = switchKeys(layout).get(key);
  if (sw !== undefined) return { kind: 'switch', switchId: sw };
  switch (key) {
    case 'K':
      return { kind: 'arm' };
    case 'H':
      return { kind: 'heartbeat' };
    case 'L':
      return { kind: 'links' };
    case 'U':
      return { kind: 'bus-step', millivolts: BUS_STEP_MV };
    case 'D':
      return { kind: 'bus-step', millivolts: -BUS_STEP_MV };
    case 'X':
      return { kind: 'bus-cut' };
    case 'S':
      return { kind: 'resend' };
    default:
      return undefined;
  }
}

/**
 * The frames a state-changing command sends. A plane toggles as a whole (all separated, or all back
 * attached) with its switches in order; a bounce is the separated frames now and `bounceBack` later.
 */
export function commandMessages(cmd: KeyCommand, state: BoxState, layout: BoxLayout): { now: SerialMessage[]; bounceBack: SerialMessage[] } {
  const none = { now: [], bounceBack: [] };
  switch (cmd.kind) {
    case 'plane': {
      const sw = layout.planes[cmd.index]!.switches;
      const separated = !sw.every((s) => state.switches[s]);
      return { now: sw.map((switchId) => ({ type: 'SEP', switchId, separated })), bounceBack: [] };
    }
    case 'bounce': {
      const sw = layout.planes[cmd.index]!.switches;
      const flick = (back: boolean): SerialMessage[] => sw.map((switchId) => ({ type: 'SEP', switchId, separated: back ? state.switches[switchId] === true : state.switches[switchId] !== true }));
      return { now: flick(false), bounceBack: flick(true) };
    }
    case 'switch':
      return { now: [{ type: 'SEP', switchId: cmd.switchId, separated: state.switches[cmd.switchId] !== true }], bounceBack: [] };
    case 'arm':
      return { now: [{ type: 'ARM', armed: !state.armed }], bounceBack: [] };
    case 'links': {
      const up = !Object.values(state.links).every(Boolean);
      return { now: Object.keys(state.links).map((link) => ({ type: 'LNK', link, up })), bounceBack: [] };
    }
    case 'bus-step':
      return {
        now: Object.entries(state.buses).map(([bus, mv]) => ({ type: 'PWR', bus, millivolts: Math.min(MAX_MV, Math.max(0, mv + cmd.millivolts)) })),
        bounceBack: [],
      };
    case 'bus-cut': {
      const anyOn = Object.values(state.buses).some((mv) => mv > 0);
      return { now: layout.buses.map((b) => ({ type: 'PWR', bus: b.bus, millivolts: anyOn ? 0 : b.nominalMillivolts })), bounceBack: [] };
    }
    case 'heartbeat':
    case 'resend':
    case 'quit':
      return none;
  }
}

/** The key legend printed at start and by --help. */
export function keyLegend(layout: BoxLayout): string {
  const lines = ['Keys:'];
  layout.planes.slice(0, 9).forEach((p, i) => {
    lines.push(`  ${i + 1}        plane ${p.plane}${p.stage ? ` (stage ${p.stage})` : ''}: all its switches separated / back attached`);
    lines.push(`  ${SHIFTED_DIGITS[i]}        bounce plane ${p.plane} for a few ms (shorter than the debounce: the HAL must ignore it)`);
  });
  for (const [key, id] of switchKeys(layout)) lines.push(`  ${key}        switch ${id} alone (one switch of two: a disagreement alarm)`);
  lines.push(
    '  K        ARM / SAFE key',
    '  H        stop / resume heartbeats (the HAL raises box-fault, never a separation)',
    `  L        every link down / up${layout.links.length ? ` (${layout.links.join(', ')})` : ''}`,
    '  U / D    every bus +0.5 V / -0.5 V',
    '  X        every bus off (0 V) / back to nominal',
    '  S        re-send the full state',
    '  Q        quit (Ctrl-C too)',
  );
  return lines.join('\n');
}
