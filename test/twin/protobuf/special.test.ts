// Table tests for the apimachinery types whose JSON differs from their protobuf (Time, Duration, IntOrString…).
import { describe, expect, it } from 'vitest';
import { ProtobufDecodeError } from '../../../sim/twin/protobuf/index.ts';
import { durationToJson, intOrStringToJson, microTimeToJson, rawJson, timeToJson } from '../../../sim/twin/protobuf/special.ts';

describe('durationToJson reproduces Go time.Duration.String()', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1_100n, '1.1µs'],
    [2_200_000n, '2.2ms'],
    [1_500_000_000n, '1.5s'],
    [60_000_000_000n, '1m0s'],
    [3_600_000_000_000n, '1h0m0s'],
    [5_445_000_000_000n, '1h30m45s'],
    [-1_500_000_000n, '-1.5s'],
    [300_000_000_000n, '5m0s'],
  ])('%s ns → %s', (ns, want) => {
    expect(durationToJson(ns)).toBe(want);
  });
});

describe('timeToJson (metav1.Time: seconds only, RFC 3339, UTC)', () => {
  it.each([
    [1767225600, false, '2026-01-01T00:00:00Z'],
    [0, false, '1970-01-01T00:00:00Z'],
    [-62135596800, false, null], // Go's zero time marshals as null
    [12345, true, null], // an empty message is the zero time
    [-62167219200, false, '0000-01-01T00:00:00Z'],
  ])('%s (empty=%s) → %s', (s, empty, want) => {
    expect(timeToJson(s, empty, 'x')).toBe(want);
  });

  it('rejects years JSON cannot carry', () => {
    expect(() => timeToJson(253402300800, false, 'metadata.creationTimestamp')).toThrow(ProtobufDecodeError);
  });
});

describe('microTimeToJson (6 fraction digits)', () => {
  it.each([
    [1767225600, 123456789, '2026-01-01T00:00:00.123456Z'],
    [1767225600, 0, '2026-01-01T00:00:00.000000Z'],
    [1767225600, 1_500_000_000, '2026-01-01T00:00:01.500000Z'],
    [1767225600, -1, '2025-12-31T23:59:59.999999Z'],
  ])('%s s + %s ns → %s', (s, ns, want) => {
    expect(microTimeToJson(s, ns, false, 'x')).toBe(want);
  });
});

describe('intOrStringToJson', () => {
  it.each([
    [0, 8080, '', 8080],
    [1, 0, '25%', '25%'],
    [0, -3, 'ignored', -3],
  ])('type %s int %s str %s → %s', (t, i, s, want) => {
    expect(intOrStringToJson(t, i, s, 'x')).toBe(want);
  });

  it('rejects an impossible type', () => {
    expect(() => intOrStringToJson(2, 0, '', 'spec.maxSurge')).toThrow(/impossible IntOrString.Type 2 \(at spec.maxSurge\)/);
  });
});

describe('rawJson', () => {
  it('parses JSON, maps empty to null, rejects the rest', () => {
    expect(rawJson(new TextEncoder().encode('{"f:data":{}}'), 'x')).toEqual({ 'f:data': {} });
    expect(rawJson(new Uint8Array(), 'x')).toBeNull();
    expect(() => rawJson(new Uint8Array([0x0a, 0x01]), 'metadata.managedFields[0].fieldsV1')).toThrow(ProtobufDecodeError);
  });
});
