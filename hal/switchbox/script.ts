// A profile's timeline as the switch box would live it: separations close the plane's redundant
// switches a few ms apart, powerLevel/powerLoss/powerRestore become PWR readings, linkDown/linkUp LNK.
import type { SerialMessage } from '../sources/serial/index.ts';
import { toMillivolts, type BoxLayout } from './layout.ts';

/** The timeline events the box reports; a sim/profile TimelineEntry fits (others are ignored). */
export type ScriptTimelineEntry = { readonly atMs: number; readonly event: string } & (
  | { readonly event: 'separation'; readonly stage: string }
  | { readonly event: 'powerLevel'; readonly bus: string; readonly volts: number; readonly forMs?: number }
  | { readonly event: 'powerLoss' | 'powerRestore'; readonly bus: string }
  | { readonly event: 'linkDown' | 'linkUp'; readonly link: string }
  | { readonly event: string }
);

export interface ScriptStep {
  /** Mission time of the profile event. */
  readonly atMs: number;
  /** Real-time delay after the event, in ms (the skew between redundant switches); not scaled by speed. */
  readonly offsetMs: number;
  readonly message: SerialMessage;
  /** What the step stands for, for the log ("T+152000 separation booster"). */
  readonly note: string;
}

export interface ScriptOptions {
  /** Wall ms between one redundant switch closing and the next; default 2 (real switches never close together). */
  readonly skewMs?: number;
}

export const DEFAULT_SKEW_MS = 2;

/** The box's frames for a timeline, in mission-time order (stable for equal times). */
export function scriptFromTimeline(timeline: readonly ScriptTimelineEntry[], layout: BoxLayout, options: ScriptOptions = {}): ScriptStep[] {
  const skew = options.skewMs ?? DEFAULT_SKEW_MS;
  if (!Number.isFinite(skew) || skew < 0) throw new RangeError(`skewMs ${skew} must be >= 0`);
  const nominal = new Map(layout.buses.map((b) => [b.bus, b.nominalMillivolts]));
  const links = new Set(layout.links);
  const steps: ScriptStep[] = [];
  const add = (atMs: number, message: SerialMessage, note: string, offsetMs = 0): void => {
    steps.push({ atMs, offsetMs, message, note });
  };
  for (const e of timeline) {
    const note = `T${e.atMs < 0 ? '' : '+'}${e.atMs}ms ${e.event}`;
    if ('stage' in e && e.event === 'separation') {
      for (const p of layout.planes.filter((pl) => pl.stage === e.stage)) {
        p.switches.forEach((switchId, i) => add(e.atMs, { type: 'SEP', switchId, separated: true }, `${note} ${e.stage}`, i * skew));
      }
    } else if ('bus' in e && nominal.has(e.bus)) {
      const bus = e.bus;
      const back = nominal.get(bus)!;
      if (e.event === 'powerLevel' && 'volts' in e) {
        add(e.atMs, { type: 'PWR', bus, millivolts: toMillivolts(e.volts) }, `${note} ${bus} ${e.volts} V`);
        if (e.forMs !== undefined) add(e.atMs + e.forMs, { type: 'PWR', bus, millivolts: back }, `${note} ${bus} back to nominal`);
      } else if (e.event === 'powerLoss') {
        add(e.atMs, { type: 'PWR', bus, millivolts: 0 }, `${note} ${bus}`);
      } else if (e.event === 'powerRestore') {
        add(e.atMs, { type: 'PWR', bus, millivolts: back }, `${note} ${bus}`);
      }
    } else if ('link' in e && links.has(e.link) && (e.event === 'linkDown' || e.event === 'linkUp')) {
      add(e.atMs, { type: 'LNK', link: e.link, up: e.event === 'linkUp' }, `${note} ${e.link}`);
    }
  }
  // Stable sort: a powerLevel's "back to nominal" lands among later events in mission order.
  return steps.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => a.atMs - b.atMs || a.offsetMs - b.offsetMs || i - j).map(([s]) => s);
}
