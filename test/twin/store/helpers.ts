// Shared builders for the store tests.
import { ObjectStore, type KubeObject } from '../../../sim/twin/store/index.ts';
import { FakeClock } from './fake-clock.ts';

export function newStore(historyLimit?: number): { store: ObjectStore; clock: FakeClock } {
  const clock = new FakeClock();
  let n = 0;
  const store = new ObjectStore({ clock, historyLimit, uid: () => `uid-${++n}` });
  return { store, clock };
}

export function pod(namespace: string, name: string, spec: Record<string, unknown> = { nodeName: '' }): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name }, spec };
}
