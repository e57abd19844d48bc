import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignal } from '../../../../hal/signals/index.ts';
import { decodeSignalMessage, MAX_SIGNAL_PAYLOAD_BYTES } from '../../../../hal/sources/mqtt/index.ts';

const ctx = { vehicle: 'f9', nowMs: 5000, seq: 7 };
const decode = (topic: string, payload: string) => decodeSignalMessage(topic, Buffer.from(payload), ctx);

describe('decodeSignalMessage', () => {
  it('fills type, subject, source, t and id from the topic and the clock', () => {
    expect(decode('kis/f9/signal/power/bus-a', '{"millivolts":27900}')).toEqual({
      ok: true,
      signal: { type: 'power', bus: 'bus-a', millivolts: 27900, source: 'mqtt', t: 5000, id: 'mqtt:power/bus-a:7' },
    });
  });

  it('keeps a full payload that agrees with its topic, but always stamps source mqtt', () => {
    const r = decode('kis/f9/signal/separation/s1-s2', '{"type":"separation","plane":"s1-s2","state":"separated","t":12,"id":"x","source":"serial"}');
    expect(r).toEqual({ ok: true, signal: { type: 'separation', plane: 's1-s2', state: 'separated', t: 12, id: 'x', source: 'mqtt' } });
  });

  it.each([
    ['kis/f9/signal/link/s-band', '{"state":"down","latencyMs":250}', 'link'],
    ['kis/f9/signal/heartbeat/box1', '{"seq":3}', 'heartbeat'],
    ['kis/f9/signal/custom/wind', '{"data":{"kts":12}}', 'custom'],
    ['kis/f9/signal/scale/web', '{"replicas":0,"namespace":"lab"}', 'scale'],
  ])('decodes %s', (topic, payload, type) => {
    const r = decode(topic, payload);
    expect(r.ok && r.signal.type).toBe(type);
  });

  it.each([
    ['kis/f9/signal/power/bus-a', '{"millivolts":27900', /not JSON/],
    ['kis/f9/signal/power/bus-a', '[1,2]', /JSON object/],
    ['kis/f9/signal/power/bus-a', 'null', /JSON object/],
    ['kis/f9/signal/power/bus-a', '{"millivolts":"27900"}', /millivolts: expected an integer/],
    ['kis/f9/signal/power/bus-a', '{}', /millivolts: required/],
    ['kis/f9/signal/power/bus-a', '{"millivolts":1,"volts":1}', /volts: unknown field/],
    ['kis/f9/signal/power/bus-a', '{"millivolts":1,"__proto__":{"x":1}}', /__proto__: unknown field/],
    ['kis/f9/signal/power/bus-a', '{"millivolts":1,"constructor":1}', /constructor: unknown field/],
    ['kis/f9/signal/power/bus-a', '{"type":"link","millivolts":1}', /disagrees with topic type power/],
    ['kis/f9/signal/power/bus-a', '{"bus":"bus-b","millivolts":1}', /disagrees with topic id bus-a/],
    ['kis/f9/signal/power/bus-a', '{"millivolts":1,"t":"soon"}', /t: expected a finite number/],
    ['kis/f9/signal/warp/bus-a', '{}', /unknown signal type warp/],
    ['kis/f8/signal/power/bus-a', '{"millivolts":1}', /vehicle f8 is not f9/],
    ['kis/f9/signal/power', '{"millivolts":1}', /expected kis\/<vehicle>\/signal/],
    ['kis/f9/signal/separation/p', '{"state":"gone"}', /state: expected one of separated \| attached/],
  ])('refuses %s %s', (topic, payload, why) => {
    const r = decode(topic, payload);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(why);
  });

  it('refuses an oversized payload before parsing it', () => {
    const r = decode('kis/f9/signal/custom/x', `{"data":"${'a'.repeat(MAX_SIGNAL_PAYLOAD_BYTES)}"}`);
    expect(!r.ok && r.error).toMatch(/exceeds/);
  });

  it('never throws and only ever yields valid signals (random topics and payloads)', () => {
    const level = fc.constantFrom('kis', 'f9', 'signal', 'power', 'separation', 'link', 'custom', 'bus-a', '', '+');
    const topic = fc.oneof(fc.array(level, { minLength: 3, maxLength: 6 }).map((l) => l.join('/')), fc.string());
    const payload = fc.oneof(
      fc.json(),
      fc.string(),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.record({ millivolts: fc.oneof(fc.integer(), fc.double(), fc.string()), state: fc.constantFrom('up', 'down', 'separated', 'x') }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(topic, payload, (t, p) => {
        const r = decode(t, p);
        if (r.ok) {
          expect(isSignal(r.signal)).toBe(true);
          expect(r.signal.source).toBe('mqtt');
          expect(t.split('/')[3]).toBe(r.signal.type);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
