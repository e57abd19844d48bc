// Properties: the loader never throws on any text; power decisions alternate taint/untaint and
// power-off/on for any sequence of readings, so noise can never stack or lose a taint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../hal/signals/index.ts';
import { decide, INITIAL_STATE, parseWiring, type WiringState } from '../../../hal/wiring/index.ts';
import { WIRING } from './fixtures.ts';

describe('properties', () => {
  it('parseWiring returns errors, never throws, on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const r = parseWiring(`apiVersion: kis.dev/v1\nkind: Wiring\n${text}`, 'w.yaml');
      expect(r.wiring !== undefined || r.errors.length > 0).toBe(true);
      for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
    }));
  });

  it('power readings: taints and power cycles strictly alternate, and the state matches the last action', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30_000 }), { maxLength: 200 }), (readings) => {
      let state: WiringState = INITIAL_STATE;
      const seq: Action['type'][] = [];
      for (const mv of readings) {
        const d = decide({ type: 'power', source: 'mqtt', t: 0, bus: 's1-bus', millivolts: mv }, state, WIRING);
        state = d.state;
        seq.push(...d.actions.map((a) => a.type));
      }
      const taints = seq.filter((x) => x === 'brownout-taint' || x === 'brownout-untaint');
      const power = seq.filter((x) => x === 'power-off' || x === 'power-on');
      taints.forEach((x, i) => expect(x).toBe(i % 2 === 0 ? 'brownout-taint' : 'brownout-untaint'));
      power.forEach((x, i) => expect(x).toBe(i % 2 === 0 ? 'power-off' : 'power-on'));
      const level = state.power['s1-bus'] ?? 'nominal';
      expect(taints.length % 2 === 1).toBe(level !== 'nominal');
      expect(power.length % 2 === 1).toBe(level === 'cutoff');
    }));
  });
});
