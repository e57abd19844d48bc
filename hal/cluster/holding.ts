// Wraps an API object so each async call holds the clock until it settles: in lockstep, virtual time must
// not jump while a request to the cluster is in flight on the client side.
import type { Clock } from '../../sim/core/index.ts';

export function withClockHolds<T extends object>(target: T, clock: Clock, label: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const release = clock.hold(`${label}.${String(prop)}`);
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        } catch (e) {
          release();
          throw e;
        }
        if (result instanceof Promise) return result.finally(release);
        release();
        return result;
      };
    },
  });
}
