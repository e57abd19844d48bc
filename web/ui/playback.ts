// Playback of a journal as pure state: where the cursor is, whether it plays, how fast, and whether it
// follows the head of a live run. The page advances it once per animation frame.

export const SPEEDS = [1, 10, 60, 600] as const;
export type Speed = (typeof SPEEDS)[number];

export interface Playback {
  /** Mission time shown (ms). */
  readonly t: number;
  readonly playing: boolean;
  readonly speed: Speed;
  /** Live runs only: the cursor sits on the newest record until the user scrubs back. */
  readonly follow: boolean;
}

export interface Span {
  readonly startMs: number;
  readonly endMs: number;
  /** A live run keeps growing; a replay does not. */
  readonly live: boolean;
}

export function initialPlayback(span: Span): Playback {
  return span.live ? { t: span.endMs, playing: false, speed: 1, follow: true } : { t: span.startMs, playing: false, speed: 1, follow: false };
}

function clamp(t: number, span: Span): number {
  return Math.min(span.endMs, Math.max(span.startMs, t));
}

/** One animation frame: `wallMs` of real time passed. */
export function advance(p: Playback, wallMs: number, span: Span): Playback {
  if (span.live && p.follow) return p.t === span.endMs ? p : { ...p, t: span.endMs };
  if (!p.playing) return p.t === clamp(p.t, span) ? p : { ...p, t: clamp(p.t, span) };
  const t = p.t + Math.max(0, wallMs) * p.speed;
  if (t < span.endMs) return { ...p, t };
  // Caught up: a live run goes back to following the head; a replay stops at its end.
  return span.live ? { ...p, t: span.endMs, follow: true } : { ...p, t: span.endMs, playing: false };
}

/** The user moved the cursor. Scrubbing to the head of a live run follows it again. */
export function seek(p: Playback, t: number, span: Span): Playback {
  const c = clamp(t, span);
  return { ...p, t: c, follow: span.live && c >= span.endMs };
}

export function togglePlay(p: Playback, span: Span): Playback {
  if (p.playing) return { ...p, playing: false };
  // Play at the end of a replay starts over, as media players do.
  const t = !span.live && p.t >= span.endMs ? span.startMs : p.t;
  return { ...p, t, playing: true, follow: span.live && p.follow };
}

/** Arrow keys: one second, or ten with shift; a step pauses following. */
export function step(p: Playback, direction: -1 | 1, big: boolean, span: Span): Playback {
  return seek({ ...p, playing: false }, p.t + direction * (big ? 10_000 : 1_000), span);
}

export function nextSpeed(speed: Speed): Speed {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[(i + 1) % SPEEDS.length]!;
}

export function goLive(p: Playback, span: Span): Playback {
  return { ...p, t: span.endMs, follow: span.live };
}
