// Colours of the scene (0xRRGGBB): one place, so the legend in the panels can match.
import type { BusState, PodPhase } from '../model/types.ts';

export const BACKGROUND = 0x0a0f1c;

/** Pod phase colours: green is healthy, amber waits, red failed; chosen to read on a dark node. */
export const POD_PHASE_COLOR: Readonly<Record<PodPhase, number>> = {
  Running: 0x3ddc84,
  Pending: 0xffb020,
  Terminating: 0xb16cff,
  Failed: 0xff3b3b,
  Succeeded: 0x4a90d9,
  Unknown: 0x8a8f98,
};

/** A Running pod that is not Ready: a dull green, so readiness is visible without a new hue. */
export const POD_NOT_READY_COLOR = 0x2f7a52;

export const NODE_COLOR = {
  ready: 0x2b3a55,
  notReady: 0x8c1f2a,
  unknown: 0x6b2f8a,
  poweredOff: 0x15171c,
} as const;

export const MARKER_COLOR = {
  controlPlane: 0xffd54a,
  cordoned: 0xffe066,
  tainted: 0xff7a1a,
} as const;

export const BUS_COLOR: Readonly<Record<BusState, number>> = {
  nominal: 0x34c6ff,
  brownout: 0xffb020,
  cutoff: 0xff3b3b,
  lost: 0x3a3f4a,
};

export const LINK_UP_COLOR = 0x7cf0ff;
export const LINK_DOWN_COLOR = 0xff3b3b;
export const STAGE_SKIN_COLOR = 0xd9dde4;
export const SELECT_COLOR = 0xffffff;

/** Linear blend of two 0xRRGGBB colours (f = 0 → a, 1 → b), per channel. */
export function mixColor(a: number, b: number, f: number): number {
  const k = Math.min(1, Math.max(0, f));
  const ch = (shift: number): number => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}
