// podInfo's shared parts: pods of one template share their parsed requests, and only when the inputs agree.
import { describe, expect, it } from 'vitest';
import { podInfo } from '../../../sim/twin/scheduler/pod-info.ts';
import type { KubeObject } from '../../../sim/twin/store/index.ts';

const containers = [{ name: 'main', image: 'x', resources: { requests: { cpu: '250m', memory: '64Mi' } } }];
const pod = (name: string, spec: Record<string, unknown>): KubeObject => ({ metadata: { namespace: 'ns', name, uid: `u-${name}` }, spec });

describe('podInfo requests', () => {
  it('pods sharing a containers list share one frozen parse of it', () => {
    const a = podInfo(pod('a', { containers }));
    const b = podInfo(pod('b', { containers }));
    expect(a.requests).toEqual({ cpu: 250, memory: 64 * 1024 * 1024, scalar: {} });
    expect(b.requests).toBe(a.requests);
    expect(b.nonZero).toBe(a.nonZero);
    expect(Object.isFrozen(a.requests)).toBe(true);
  });

  it('the same containers with other init containers or overhead are parsed on their own', () => {
    const plain = podInfo(pod('p', { containers }));
    const init = podInfo(pod('i', { containers, initContainers: [{ name: 'init', image: 'x', resources: { requests: { cpu: '1' } } }] }));
    const overhead = podInfo(pod('o', { containers, overhead: { cpu: '100m' } }));
    expect(init.requests.cpu).toBe(1000);
    expect(overhead.requests.cpu).toBe(350);
    expect(podInfo(pod('p2', { containers })).requests.cpu).toBe(250);
    expect(plain.requests.cpu).toBe(250);
  });

  it('pods without a term share the empty list, which cannot be changed', () => {
    const a = podInfo(pod('a', { containers }));
    expect(a.affinity).toEqual([]);
    expect(a.spread).toBe(podInfo(pod('b', { containers })).spread);
    expect(() => (a.affinity as unknown[]).push(1)).toThrow();
  });
});
