// The stand-in box's state (key, switches, bus voltages, links), pure, and the frames that report it.
import type { SerialMessage } from '../sources/serial/index.ts';
import type { BoxLayout } from './layout.ts';

export interface BoxState {
  readonly armed: boolean;
  /** Switch id → true when the switch reads separated. */
  readonly switches: Readonly<Record<string, boolean>>;
  readonly buses: Readonly<Record<string, number>>;
  readonly links: Readonly<Record<string, boolean>>;
}

/** Every switch attached, every bus at nominal, every link up. */
export function initialState(layout: BoxLayout, armed: boolean): BoxState {
  return {
    armed,
    switches: Object.fromEntries(layout.planes.flatMap((p) => p.switches.map((s) => [s, false]))),
    buses: Object.fromEntries(layout.buses.map((b) => [b.bus, b.nominalMillivolts])),
    links: Object.fromEntries(layout.links.map((l) => [l, true])),
  };
}

/** The state after the box sent `m` (heartbeats change nothing). */
export function applyMessage(state: BoxState, m: SerialMessage): BoxState {
  switch (m.type) {
    case 'SEP':
      return { ...state, switches: { ...state.switches, [m.switchId]: m.separated } };
    case 'PWR':
      return { ...state, buses: { ...state.buses, [m.bus]: m.millivolts } };
    case 'LNK':
      return { ...state, links: { ...state.links, [m.link]: m.up } };
    case 'ARM':
      return { ...state, armed: m.armed };
    case 'HB':
      return state;
  }
}

/**
 * Everything the box knows, as a real box sends it on power-up and on every (re)connect: the key,
 * each switch, each bus, each link. The HAL's SwitchBox takes the first readings as its start state.
 */
export function fullStateMessages(state: BoxState): SerialMessage[] {
  return [
    { type: 'ARM', armed: state.armed },
    ...switchMessages(state),
    ...Object.entries(state.buses).map(([bus, millivolts]): SerialMessage => ({ type: 'PWR', bus, millivolts })),
    ...Object.entries(state.links).map(([link, up]): SerialMessage => ({ type: 'LNK', link, up })),
  ];
}

/**
 * The periodic refresh: key and switches only. Re-sending a switch reading is harmless (the debounce
 * ignores repeats) and heals a HAL that reconnected without the box noticing; PWR and LNK are not
 * repeated because every PWR frame is a fresh reading the HAL acts on.
 */
export function refreshMessages(state: BoxState): SerialMessage[] {
  return [{ type: 'ARM', armed: state.armed }, ...switchMessages(state)];
}

function switchMessages(state: BoxState): SerialMessage[] {
  return Object.entries(state.switches).map(([switchId, separated]): SerialMessage => ({ type: 'SEP', switchId, separated }));
}
