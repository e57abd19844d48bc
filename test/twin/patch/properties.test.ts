// Property tests: the three patch formats reject bad input only with PatchError, never mutate their inputs, and
// agree with each other where their semantics coincide.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PatchError,
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  applyStrategicMergePatchWithSchema,
} from '../../../sim/twin/patch/index.ts';
import { goSliceStable } from '../../../sim/twin/patch/go-sort.ts';

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Calls fn on frozen copies; any error other than PatchError (a TypeError from mutation included) fails. */
function onlyPatchErrors(fn: (a: unknown, b: unknown) => unknown, a: unknown, b: unknown): void {
  const before = JSON.stringify([a, b]);
  try {
    fn(deepFreeze(structuredClone(a)), deepFreeze(structuredClone(b)));
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
  }
  expect(JSON.stringify([a, b])).toBe(before);
}

// Keys that exercise directives and the kinds' tagged fields, so random patches reach the interesting code.
const key = fc.constantFrom(
  'a', 'b', 'name', 'type', 'uid', 'port', 'spec', 'status', 'metadata', 'containers', 'env', 'finalizers', 'conditions',
  'template', 'taints', '$patch', '$retainKeys', '$setElementOrder/containers', '$setElementOrder/finalizers',
  '$deleteFromPrimitiveList/finalizers', '$deleteFromPrimitiveList/a',
);
const scalar = fc.oneof(fc.constantFrom('a', 'b', 'delete', 'replace', 'merge', 'name', 'web'), fc.integer({ min: -2, max: 3 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
const { value: json } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));

describe('robustness on random input', () => {
  it('strategic merge patch throws only PatchError and never mutates', () => {
    fc.assert(
      fc.property(json, json, fc.constantFrom('Pod', 'Node', 'Deployment', 'Service', 'Other'), (target, patch, kind) => {
        onlyPatchErrors((t, p) => applyStrategicMergePatch(t, p, kind), target, patch);
      }),
      { numRuns: 3000 },
    );
  });

  it('JSON merge patch throws only PatchError and never mutates', () => {
    fc.assert(fc.property(json, json, (t, p) => onlyPatchErrors(applyMergePatch, t, p)), { numRuns: 1000 });
  });

  it('JSON patch throws only PatchError and never mutates', () => {
    const pointer = fc.array(fc.constantFrom('a', 'b', '0', '1', '-', '-1', '~0', '~1', ''), { maxLength: 3 }).map((p) => p.map((s) => `/${s}`).join(''));
    const op = fc.record(
      {
        op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'),
        path: pointer,
        from: pointer,
        value: json,
      },
      { requiredKeys: ['op'] },
    );
    fc.assert(fc.property(json, fc.oneof(fc.array(op, { maxLength: 4 }), json), (t, ops) => onlyPatchErrors(applyJsonPatch, t, ops)), { numRuns: 2000 });
  });
});

// JSON without nulls, for round-trip and agreement properties (RFC 7386 cannot set a member to null).
const plainKey = fc.constantFrom('a', 'b', 'c', 'd');
const { value: noNull } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean()),
    fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }),
    fc.dictionary(plainKey, tie('value'), { maxKeys: 4 }),
  ),
}));
const noNullObject = fc.dictionary(plainKey, noNull, { maxKeys: 4 });

/** The merge patch that turns a into b (test-only helper). */
function diff(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(a)) if (!(k in b)) patch[k] = null;
  for (const [k, v] of Object.entries(b)) {
    const old = a[k];
    const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
    if (isObj(old) && isObj(v)) {
      const sub = diff(old, v);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (JSON.stringify(old) !== JSON.stringify(v)) {
      patch[k] = v;
    }
  }
  return patch;
}

describe('agreement', () => {
  it('applyMergePatch(a, diff(a, b)) equals b', () => {
    fc.assert(fc.property(noNullObject, noNullObject, (a, b) => {
      expect(applyMergePatch(a, diff(a, b))).toEqual(b);
    }));
  });

  it('without tagged fields or directives, strategic merge patch equals JSON merge patch', () => {
    const patchValue = fc.oneof(noNull, fc.constant(null));
    const patch = fc.dictionary(plainKey, fc.oneof(patchValue, fc.dictionary(plainKey, patchValue, { maxKeys: 3 })), { maxKeys: 4 });
    fc.assert(fc.property(noNullObject, patch, (a, p) => {
      expect(applyStrategicMergePatchWithSchema(a, p, {})).toEqual(applyMergePatch(a, p));
    }));
  });
});

describe('goSliceStable', () => {
  it('agrees with a stable sort for a strict weak order, on lists past the 20-element block size', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 90 }), (xs) => {
      const tagged = xs.map((v, i) => ({ v, i }));
      const ours = [...tagged];
      goSliceStable(ours, (a, b) => a.v < b.v);
      const expected = [...tagged].sort((a, b) => a.v - b.v || a.i - b.i);
      expect(ours).toEqual(expected);
    }));
  });
});

describe('untrusted member names', () => {
  const body = JSON.parse('{"metadata":{"labels":{"__proto__":{"polluted":true},"constructor":"x"}}}');

  it.each([
    ['strategic', (t: unknown, p: unknown) => applyStrategicMergePatch(t, p, 'Pod')],
    ['merge', applyMergePatch],
  ])('%s patch keeps __proto__ as a plain member', (_n, apply) => {
    const out = apply({ metadata: { name: 'p' } }, body) as { metadata: { labels: Record<string, unknown> } };
    expect(Object.getPrototypeOf(out.metadata.labels)).toBe(Object.prototype);
    expect(Object.keys(out.metadata.labels)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('json patch adds a __proto__ member as data', () => {
    const out = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
  });

  it('an Object.prototype name as kind falls back to the ObjectMeta schema', () => {
    expect(applyStrategicMergePatch({ a: [1] }, { a: [2] }, 'constructor')).toEqual({ a: [2] });
  });
});
