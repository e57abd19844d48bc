// The stand-in box, pure: profile timeline → script steps → frame schedule → frames on the line.
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../../sim/profile/index.ts';
import {
  BoxModel,
  encodeAll,
  frameSchedule,
  layoutFromVehicle,
  scriptFromTimeline,
  stepsBefore,
  type BoxLayout,
  type ScheduleItem,
  type ScriptTimelineEntry,
} from '../../../hal/switchbox/index.ts';

const layout: BoxLayout = {
  planes: [{ plane: 'booster', stage: 'booster', switches: ['booster-a', 'booster-b'] }],
  buses: [{ bus: 'bus1', nominalMillivolts: 28_000 }],
  links: ['uhf'],
};

const timeline: ScriptTimelineEntry[] = [
  { atMs: 0, event: 'liftoff' },
  { atMs: 1000, event: 'powerLevel', bus: 'bus1', volts: 23.2, forMs: 3000 },
  { atMs: 2000, event: 'separation', stage: 'booster' },
  { atMs: 2500, event: 'linkDown', link: 'uhf' },
  { atMs: 3000, event: 'powerLoss', bus: 'other-bus' }, // not on this box: ignored
  { atMs: 5000, event: 'linkUp', link: 'uhf' },
  { atMs: 6000, event: 'powerLoss', bus: 'bus1' },
  { atMs: 7000, event: 'powerRestore', bus: 'bus1' },
];

function take(gen: Generator<ScheduleItem>, n: number): ScheduleItem[] {
  return Array.from({ length: n }, () => gen.next().value as ScheduleItem);
}

describe('scriptFromTimeline', () => {
  it('turns the timeline into frames in mission order', () => {
    const steps = scriptFromTimeline(timeline, layout, { skewMs: 3 });
    expect(steps.map((s) => `${s.atMs}+${s.offsetMs} ${encodeAll([s.message]).trim()}`)).toEqual([
      '1000+0 $KIS,PWR,bus1,23200*4E',
      '2000+0 $KIS,SEP,booster-a,1*34',
      '2000+3 $KIS,SEP,booster-b,1*37',
      '2500+0 $KIS,LNK,uhf,0*7F',
      '4000+0 $KIS,PWR,bus1,28000*47', // the powerLevel's "for: 3s" ends
      '5000+0 $KIS,LNK,uhf,1*7E',
      '6000+0 $KIS,PWR,bus1,0*4D',
      '7000+0 $KIS,PWR,bus1,28000*47',
    ]);
  });

  it('a stage without a plane on this box sends no SEP', () => {
    expect(scriptFromTimeline([{ atMs: 5, event: 'separation', stage: 'upper' }], layout)).toEqual([]);
  });

  it('rejects a negative skew', () => {
    expect(() => scriptFromTimeline([], layout, { skewMs: -1 })).toThrow(/skewMs/);
  });
});

describe('frameSchedule', () => {
  const steps = scriptFromTimeline(timeline, layout, { skewMs: 2 });

  it('merges heartbeats, refreshes and script frames by wall time', () => {
    const items = take(frameSchedule(steps, { fromMs: 1900, heartbeatMs: 100, refreshMs: 250 }), 8);
    expect(items.map((i) => `${i.wallMs}${i.heartbeat ? ' HB' : ''}${i.refresh ? ' R' : ''}${i.events.length ? ` ${i.events.length}ev` : ''}`)).toEqual([
      '0 HB R',
      '100 HB 1ev', // separation at T+2000 = wall 100, switch a
      '102 1ev', // switch b, 2 ms later
      '200 HB',
      '250 R',
      '300 HB',
      '400 HB',
      '500 HB R',
    ]);
    expect(items[1]!.notes).toEqual(['T+2000ms separation booster']);
  });

  it('scales mission time by speed but not the skew or the heartbeat', () => {
    const items = take(frameSchedule(steps, { fromMs: 0, speed: 10, heartbeatMs: 1000, refreshMs: 0 }), 6);
    expect(items.map((i) => i.wallMs)).toEqual([0, 100, 200, 202, 250, 400]);
  });

  it('is endless and says when the script is done', () => {
    const gen = frameSchedule(steps, { fromMs: 6500, heartbeatMs: 100 });
    const items = take(gen, 20);
    expect(items.findIndex((i) => i.scriptDone)).toBe(5); // T+7000 restore, wall 500
    expect(items.at(-1)!.scriptDone).toBe(true);
  });

  it.each([
    [{ fromMs: 0, speed: 0 }, /speed/],
    [{ fromMs: 0, heartbeatMs: 0 }, /heartbeatMs/],
    [{ fromMs: 0, refreshMs: -1 }, /refreshMs/],
  ])('rejects %j', (options, message) => {
    expect(() => frameSchedule(steps, options).next()).toThrow(message);
  });
});

describe('BoxModel', () => {
  it('starts from the state lived before --from and writes the expected bytes', () => {
    const steps = scriptFromTimeline(timeline, layout, { skewMs: 2 });
    const model = new BoxModel(layout, { armed: true, lived: stepsBefore(steps, 2200) });
    expect(model.state).toEqual({ armed: true, switches: { 'booster-a': true, 'booster-b': true }, buses: { bus1: 23_200 }, links: { uhf: true } });
    expect(encodeAll(model.hello())).toBe(
      '$KIS,ARM,1*3E\r\n$KIS,SEP,booster-a,1*34\r\n$KIS,SEP,booster-b,1*37\r\n$KIS,PWR,bus1,23200*4E\r\n$KIS,LNK,uhf,1*7E\r\n$KIS,HB,0*6B\r\n',
    );
    const [first, second] = take(frameSchedule(steps, { fromMs: 2200, heartbeatMs: 100, refreshMs: 300 }), 2);
    expect(encodeAll(model.frames(first!))).toBe('$KIS,ARM,1*3E\r\n$KIS,SEP,booster-a,1*34\r\n$KIS,SEP,booster-b,1*37\r\n$KIS,HB,1*6A\r\n');
    expect(encodeAll(model.frames(second!))).toBe('$KIS,HB,2*69\r\n');
    model.setHeartbeats(false);
    expect(model.frames({ wallMs: 300, events: [{ type: 'LNK', link: 'uhf', up: false }], notes: [], heartbeat: true, refresh: false, scriptDone: false })).toEqual([
      { type: 'LNK', link: 'uhf', up: false },
    ]);
    expect(model.state.links.uhf).toBe(false);
  });

  it('the falcon9 profile: both s1 switches separate at T+150s, brownout, link loss', () => {
    const profile = loadProfile('profiles/falcon9-leo.yaml');
    const planes = [{ plane: 'stage1', stage: 'stage1', switches: ['stage1-a', 'stage1-b'] }];
    const steps = scriptFromTimeline(profile.timeline, layoutFromVehicle(profile.vehicle, planes));
    const lines = steps.map((s) => `${s.atMs / 1000}s ${encodeAll([s.message]).split('*')[0]}`);
    expect(lines).toContain('150s $KIS,SEP,stage1-a,1');
    expect(lines).toContain('150s $KIS,SEP,stage1-b,1');
    expect(lines).toContain('240s $KIS,PWR,s2-bus,23200');
    expect(lines).toContain('248s $KIS,PWR,s2-bus,28000');
    expect(lines).toContain('420s $KIS,LNK,s-band,0');
  });
});
