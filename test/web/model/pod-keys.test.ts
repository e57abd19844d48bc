// PodKeys hands out the podKey of a pod, the same string each time, per namespace.
import { describe, expect, it } from 'vitest';
import { PodKeys, podKey } from '../../../web/model/views.ts';

describe('PodKeys', () => {
  it.each([
    ['kis-run', 'guidance-0'],
    [undefined, 'static-pod'],
    ['', 'static-pod'],
    ['a', 'b/c'],
  ])('namespace %s, name %s: the podKey', (ns, name) => {
    expect(new PodKeys().of(ns, name)).toBe(podKey(ns, name));
  });

  it('keeps pods of the same name in different namespaces apart, asked again or not', () => {
    const keys = new PodKeys();
    const a = keys.of('ns-a', 'web-0');
    const b = keys.of('ns-b', 'web-0');
    expect(a).toBe('ns-a/web-0');
    expect(b).toBe('ns-b/web-0');
    expect(keys.of('ns-a', `web-${0}`)).toBe(a);
    expect(keys.of('ns-b', 'web-0')).toBe(b);
  });
});
