import { describe, expect, it } from 'vitest';
import { advance, goLive, initialPlayback, nextSpeed, seek, step, togglePlay, type Playback, type Span } from '../../../web/ui/playback.ts';

const replay: Span = { startMs: -10_000, endMs: 100_000, live: false };
const live: Span = { startMs: 0, endMs: 50_000, live: true };
const at = (t: number, more: Partial<Playback> = {}): Playback => ({ t, playing: false, speed: 1, follow: false, ...more });

describe('playback', () => {
  it('starts at the beginning of a replay and at the head of a live run', () => {
    expect(initialPlayback(replay)).toEqual(at(-10_000));
    expect(initialPlayback(live)).toEqual(at(50_000, { follow: true }));
  });

  it.each([
    ['paused stays', at(0), 16, replay, 0],
    ['1x moves by wall time', at(0, { playing: true }), 16, replay, 16],
    ['600x', at(0, { playing: true, speed: 600 }), 100, replay, 60_000],
    ['clamps at the end', at(99_000, { playing: true, speed: 60 }), 1000, replay, 100_000],
    ['following jumps to the head', at(10_000, { follow: true }), 16, live, 50_000],
  ] as const)('advance: %s', (_name, p, wall, span, want) => {
    expect(advance(p, wall, span).t).toBe(want);
  });

  it('a replay stops at its end; a live run catches up and follows', () => {
    expect(advance(at(99_990, { playing: true }), 100, replay)).toMatchObject({ t: 100_000, playing: false });
    expect(advance(at(49_990, { playing: true }), 100, live)).toMatchObject({ t: 50_000, follow: true });
  });

  it('scrubbing back leaves live; scrubbing to the head follows again', () => {
    const back = seek(at(50_000, { follow: true }), 20_000, live);
    expect(back).toMatchObject({ t: 20_000, follow: false });
    expect(advance(back, 16, { ...live, endMs: 60_000 }).t).toBe(20_000);
    expect(seek(back, 1e9, live)).toMatchObject({ t: 50_000, follow: true });
    expect(goLive(back, { ...live, endMs: 60_000 })).toMatchObject({ t: 60_000, follow: true });
  });

  it('seek clamps; play at the end of a replay restarts', () => {
    expect(seek(at(0), -1e9, replay).t).toBe(-10_000);
    expect(togglePlay(at(100_000), replay)).toMatchObject({ t: -10_000, playing: true });
    expect(togglePlay(at(5, { playing: true }), replay).playing).toBe(false);
  });

  it.each([
    [1, false, 1_000],
    [-1, false, -1_000],
    [1, true, 10_000],
  ] as const)('step %d (big %s) moves %d ms and pauses', (dir, big, delta) => {
    expect(step(at(0, { playing: true }), dir, big, replay)).toMatchObject({ t: delta, playing: false });
  });

  it('speeds cycle 1 → 10 → 60 → 600 → 1', () => {
    expect([nextSpeed(1), nextSpeed(10), nextSpeed(60), nextSpeed(600)]).toEqual([10, 60, 600, 1]);
  });
});
