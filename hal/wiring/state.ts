// What decide() remembers between signals: plane states, drained stages, power levels, link states.
// Plain JSON so the HAL can journal it and a restarted HAL resumes with the same view.

export type PowerLevel = 'nominal' | 'brownout' | 'cutoff';

export interface WiringState {
  /** Planes seen separated (a plane not listed is attached). */
  readonly separated: readonly string[];
  /** Stages already cordoned and drained (by a prepare-separation or a planned separation). */
  readonly drained: readonly string[];
  /** Power level per bus from voltage readings; a bus not listed is nominal. */
  readonly power: Readonly<Record<string, PowerLevel>>;
  /** Buses (or `bus/node`) whose feed is cut by a power-state signal. */
  readonly cut: readonly string[];
  /** Links seen down (a link not listed is up, as a profile's links are at T+0). */
  readonly linksDown: readonly string[];
}

export const INITIAL_STATE: WiringState = { separated: [], drained: [], power: {}, cut: [], linksDown: [] };

/** `list` with `item` added (sorted, once) or removed: state stays canonical, so equal states compare equal. */
export function withItem(list: readonly string[], item: string, present: boolean): readonly string[] {
  const rest = list.filter((x) => x !== item);
  return present ? [...rest, item].sort() : rest;
}
