// Malformed bodies: every failure is a ProtobufDecodeError naming what and where; random bytes never crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, ProtobufDecodeError, type DescriptorTable } from '../../../sim/twin/protobuf/index.ts';
import { encodeMessage, encodeObject, envelope, Writer } from './helpers/encode.ts';

const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const cm = encodeMessage({ metadata: { name: 'x' }, data: { a: '1' } }, 'k8s.io.api.core.v1.ConfigMap');

const CASES: [string, Uint8Array, RegExp][] = [
  ['empty body', new Uint8Array(), /^empty data$/],
  ['JSON sent with the protobuf content type', new TextEncoder().encode('{"kind":"Pod"}'), /expected prefix \[107 56 115 0\]/],
  ['magic only', Uint8Array.from(MAGIC), /^empty body$/],
  ['no kind in typeMeta', Uint8Array.from([...MAGIC, 0x0a, 0x04, 0x0a, 0x02, 0x76, 0x31]), /'Kind' is missing/],
  ['unknown kind', envelope('v1', 'Secret', new Uint8Array()), /no kind "Secret" is registered for version "v1"/],
  ['kind in the wrong group', envelope('apps/v1', 'Pod', new Uint8Array()), /no kind "Pod" is registered for version "apps\/v1"/],
  ['truncated raw', envelope('v1', 'ConfigMap', cm).subarray(0, 20), /runs past the end|end of data/],
  ['length past the end inside the object', envelope('v1', 'ConfigMap', Uint8Array.from([0x0a, 0x7f, 0x01])), /length 127 runs past the end.*at metadata, byte \d+/],
  ['wrong wire type for a string', envelope('v1', 'ConfigMap', Uint8Array.from([0x0a, 0x02, 0x08, 0x01])), /wrong wire type 0 \(expected 2\).*metadata\.name/],
  ['field number 0', envelope('v1', 'ConfigMap', Uint8Array.from([0x00, 0x01])), /illegal field number 0/],
  ['unterminated varint', envelope('v1', 'ConfigMap', Uint8Array.from([0x20, 0xff, 0xff])), /end of data in varint.*immutable/],
  ['varint longer than 64 bits', envelope('v1', 'ConfigMap', Uint8Array.from([0x20, ...Array(10).fill(0xff), 0x01])), /overflows 64 bits/],
  ['group wire type', envelope('v1', 'ConfigMap', Uint8Array.from([0x7b])), /unsupported wire type 3/],
  ['IntOrString with type 7', envelope('policy/v1', 'PodDisruptionBudget', new Writer().lenDelim(2, new Writer().lenDelim(1, Uint8Array.from([0x08, 0x07])).done()).done()), /impossible IntOrString.Type 7 \(at spec.minAvailable\)/],
  ['managedFields with non-JSON fieldsV1', envelope('v1', 'ConfigMap', new Writer().lenDelim(1, new Writer().lenDelim(17, new Writer().lenDelim(7, new Writer().lenDelim(1, Uint8Array.from([0xff])).done()).done()).done()).done()), /not JSON.*metadata\.managedFields\[0\]\.fieldsV1/],
];

describe('malformed protobuf bodies', () => {
  it.each(CASES)('%s', (_name, body, message) => {
    let caught: unknown;
    try {
      decodeKubernetesProtobuf(body);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProtobufDecodeError);
    expect((caught as Error).message).toMatch(message);
  });

  it('bounds nesting depth (served kinds do not recurse, so a self-referencing table stands in)', () => {
    const RUNTIME = 'k8s.io.apimachinery.pkg.runtime';
    const table: DescriptorTable = {
      messages: {
        'x.Node': [[1, 'child', 0, 'x.Node']],
        [`${RUNTIME}.Unknown`]: [[1, 'typeMeta', 0, `${RUNTIME}.TypeMeta`], [2, 'raw', 0, 'bytes']],
        [`${RUNTIME}.TypeMeta`]: [[1, 'apiVersion', 0, 'string'], [2, 'kind', 0, 'string']],
      },
      kinds: { 'v1/Node': 'x.Node' },
    };
    let inner: Uint8Array = new Uint8Array();
    for (let i = 0; i < 100; i++) inner = new Writer().lenDelim(1, inner).done();
    expect(() => decodeKubernetesProtobuf(envelope('v1', 'Node', inner), {}, table)).toThrow(/nested deeper than 64 levels/);
    let shallow: Uint8Array = new Uint8Array();
    for (let i = 0; i < 30; i++) shallow = new Writer().lenDelim(1, shallow).done();
    expect(decodeKubernetesProtobuf(envelope('v1', 'Node', shallow), {}, table)).toHaveProperty('child.child.child');
  });

  it('takes apiVersion and kind from defaults when the envelope leaves them empty', () => {
    const body = Uint8Array.from([...MAGIC, 0x12, cm.length, ...cm]);
    expect(decodeKubernetesProtobuf(body, { apiVersion: 'v1', kind: 'ConfigMap' })).toEqual({
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' },
    });
  });

  it('skips unknown field numbers, as upstream does for fields from newer clients', () => {
    const extra = new Writer().tag(99, 0).varint(7).lenDelim(98, Uint8Array.from([1, 2, 3])).tag(97, 5).raw([0, 0, 0, 0]).tag(96, 1).raw([0, 0, 0, 0, 0, 0, 0, 0]).done();
    const raw = Uint8Array.from([...cm, ...extra]);
    expect(decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', raw))).toEqual({
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' },
    });
  });
});

function onlyDecodeErrors(body: Uint8Array): void {
  try {
    decodeKubernetesProtobuf(body);
  } catch (e) {
    if (!(e instanceof ProtobufDecodeError)) throw e;
  }
}

describe('robustness (fast-check)', () => {
  it('random bytes after the magic never throw anything but ProtobufDecodeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (tail) => {
        onlyDecodeErrors(Uint8Array.from([...MAGIC, ...tail]));
      }),
      { numRuns: 2000 },
    );
  });

  it('random raw payloads for every served kind never throw anything but ProtobufDecodeError', () => {
    const kinds: [string, string][] = [['v1', 'Pod'], ['v1', 'Node'], ['apps/v1', 'Deployment'], ['policy/v1', 'Eviction'], ['coordination.k8s.io/v1', 'Lease'], ['v1', 'Event']];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.uint8Array({ maxLength: 512 }), ([v, k], raw) => {
        onlyDecodeErrors(envelope(v, k, raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('single-byte mutations of a valid Pod body never throw anything but ProtobufDecodeError', () => {
    const pod = encodeObject({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' }, creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1' } }, livenessProbe: { httpGet: { port: 80 } } }], tolerations: [{ key: 'k', tolerationSeconds: 5 }] },
    });
    fc.assert(
      fc.property(fc.nat(pod.length - 1), fc.integer({ min: 0, max: 255 }), (i, b) => {
        const copy = pod.slice();
        copy[i] = b;
        onlyDecodeErrors(copy);
      }),
      { numRuns: 3000 },
    );
  });
});
