// The one notion of time in kis: every timer and timestamp goes through a Clock.
// Real, scaled and lockstep (virtual) implementations share this interface so the twin,
// the HAL and the runner behave the same whatever drives time.

export interface TimerHandle {
  /** Opaque id; pass back to clearTimeout / clearInterval. */
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the Unix epoch, in this clock's time. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(fn: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
  /**
   * Marks work in progress (a request in flight, a controller queue that is not empty).
   * A lockstep clock does not advance virtual time while any work is held; real clocks ignore it.
   * Call the returned function exactly once when the work is done.
   */
  hold(reason: string): () => void;
}
