import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterWithin, isValidFilter, parseSignalTopic, signalTopic, stateTopic, topicMatches } from '../../../hal/mqtt/index.ts';

describe('topicMatches (MQTT 3.1.1 §4.7)', () => {
  it.each([
    ['kis/v/signal/#', 'kis/v/signal/power/bus-a', true],
    ['kis/v/signal/#', 'kis/v/signal', true], // '#' also matches the parent level
    ['kis/v/signal/#', 'kis/v/state/x', false],
    ['kis/v/signal/+/bus-a', 'kis/v/signal/power/bus-a', true],
    ['kis/v/signal/+/bus-a', 'kis/v/signal/power/bus-b', false],
    ['kis/v/signal/+/bus-a', 'kis/v/signal/power/bus-a/x', false],
    ['kis/+/events', 'kis/v/events', true],
    ['#', '$SYS/broker/x', false], // wildcards at the start never reach '$' topics
    ['+/broker/x', '$SYS/broker/x', false],
    ['$SYS/#', '$SYS/broker/x', true],
  ])('%s matches %s: %s', (filter, topic, want) => {
    expect(topicMatches(filter, topic)).toBe(want);
  });
});

describe('filterWithin', () => {
  it.each([
    ['kis/v/state/+', 'kis/v/state/#', true],
    ['kis/v/state', 'kis/v/state/#', true],
    ['kis/v/state/#', 'kis/v/state/#', true],
    ['kis/v/#', 'kis/v/state/#', false],
    ['kis/+/state/x', 'kis/v/state/#', false],
    ['kis/v/events', 'kis/v/events', true],
    ['kis/v/events/x', 'kis/v/events', false],
    ['kis/v/+', 'kis/v/events', false],
    ['#', 'kis/v/#', false],
    ['$SYS/x', '#', false],
    ['kis/v/signal/power/a', 'kis/v/signal/+/a', true],
    ['kis/v/signal/+/a', 'kis/v/signal/power/a', false],
  ])('%s within %s: %s', (inner, outer, want) => {
    expect(filterWithin(inner, outer)).toBe(want);
  });

  const level = fc.constantFrom('kis', 'v', 'state', 'signal', 'a', 'b', '+', '#');
  const filter = fc.array(level, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('/')).filter(isValidFilter);
  const topic = fc.array(fc.constantFrom('kis', 'v', 'state', 'signal', 'a', 'b'), { minLength: 1, maxLength: 6 }).map((ls) => ls.join('/'));

  it('is sound: every topic inner matches, outer matches too', () => {
    fc.assert(
      fc.property(filter, filter, topic, (inner, outer, t) => {
        if (filterWithin(inner, outer) && topicMatches(inner, t)) expect(topicMatches(outer, t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('topic builders', () => {
  it('round-trips a signal topic', () => {
    expect(parseSignalTopic(signalTopic('f9', 'power', 'bus-a'))).toEqual({ vehicle: 'f9', type: 'power', id: 'bus-a' });
  });

  it.each(['kis/f9/signal/power', 'kis/f9/signal/power/a/b', 'x/f9/signal/power/a', 'kis/f9/state/power/a', 'kis/f9/signal//a'])(
    'rejects %s as a signal topic',
    (t) => expect(parseSignalTopic(t)).toBeUndefined(),
  );

  it.each([['f/9'], ['+'], ['#'], ['']])('refuses %j as a vehicle level', (v) => {
    expect(() => signalTopic(v, 'power', 'a')).toThrow(/topic level/);
  });

  it('builds multi-level state topics and refuses wildcards in them', () => {
    expect(stateTopic('f9', 'nodes/n1')).toBe('kis/f9/state/nodes/n1');
    expect(() => stateTopic('f9', 'nodes/#')).toThrow(/state path level/);
  });
});
