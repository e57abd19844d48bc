// SerialSource on a fake line and a ManualClock: reconnect, backoff, resync, alarms — no device needed.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../sim/core/index.ts';
import { ArmState, SerialSource, encodeMessage, type SerialMessage, type SourceEventLike } from './port-source-test-kit.ts';
import { FakeLine } from './fake-line.ts';

const frames = (...ms: SerialMessage[]): string => ms.map(encodeMessage).join('');
const sep = (switchId: string, separated: boolean): SerialMessage => ({ type: 'SEP', switchId, separated });
const hb = (seq: number): SerialMessage => ({ type: 'HB', seq });
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

function rig(opts: { arm?: ArmState; present?: boolean } = {}) {
  const clock = new ManualClock(1000);
  const line = new FakeLine();
  line.present = opts.present ?? true;
  const events: string[] = [];
  const logs: string[] = [];
  const src = new SerialSource({
    path: '/dev/ttyFAKE0',
    box: 'box0',
    clock,
    heartbeatTimeoutMs: 500,
    planes: [{ plane: 's1-s2', stage: 's1', switches: ['s1a', 's1b'] }],
    open: line.open,
    log: (l) => logs.push(l),
    ...(opts.arm ? { arm: opts.arm } : {}),
  });
  src.subscribe((e: SourceEventLike) => {
    events.push(
      e.kind === 'signal'
        ? `${e.signal.type}${e.signal.type === 'separation' ? ` ${e.signal.plane} ${e.signal.state}` : ''}@${e.signal.t - 1000}`
        : `${e.alarm.alarm} ${e.alarm.state}`,
    );
  });
  return { clock, line, events, logs, src };
}

describe('SerialSource', () => {
  it('a device that vanishes without a read error is found by the presence check, and reconnected', async () => {
    const { clock, line, events, src } = rig();
    await src.start();
    line.vanishSilently();
    clock.tick(249);
    await flush();
    expect(src.status().connected).toBe(true);
    clock.tick(1);
    await flush();
    expect(src.status()).toMatchObject({ connected: false, error: '/dev/ttyFAKE0 lost: /dev/ttyFAKE0 is gone (device removed)' });
    expect(events).toEqual(['box-disconnected raised']);
    line.replug();
    clock.tick(100);
    await flush();
    expect(src.status().connected).toBe(true);
    expect(events).toEqual(['box-disconnected raised', 'box-disconnected cleared']);
    await src.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('turns frames into a debounced separation signal', async () => {
    const { clock, line, events, src } = rig();
    await src.start();
    expect(src.status()).toMatchObject({ name: 'serial:/dev/ttyFAKE0', connected: true });
    line.send(frames(hb(1), sep('s1a', false), sep('s1b', false)));
    clock.tick(100);
    line.send(frames(hb(2), sep('s1a', true), sep('s1b', true)));
    clock.tick(19);
    expect(events).toEqual([]);
    clock.tick(1);
    expect(events).toEqual(['separation s1-s2 separated@120']);
    expect(src.counters()).toMatchObject({ good: 6, reconnects: 0, disconnects: 0 });
    await src.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('unplug: disconnected alarm, key lost, backoff 100/200/400 ms; replug: reconnect, clear, resync', async () => {
    const arm = new ArmState('key');
    const { clock, line, events, src } = rig({ arm });
    await src.start();
    line.send(frames(hb(1), { type: 'ARM', armed: true }, sep('s1a', false), sep('s1b', false)));
    clock.tick(50);
    expect(arm.armed).toBe(true);
    line.send('$KIS,SEP,s1'); // torn by the unplug
    line.unplug();
    expect(events.splice(0)).toEqual(['arm@0', 'box-disconnected raised']);
    expect(arm.armed).toBe(false);
    expect(src.status()).toMatchObject({ connected: false, error: expect.stringMatching(/ttyFAKE0 lost: Input\/output error/) });
    // Attempts at +100, +300, +700 ms fail (ENOENT); the alarm is not raised again.
    for (const step of [100, 200, 400]) {
      clock.tick(step);
      await flush();
    }
    expect(src.counters()).toMatchObject({ openFailures: 3, disconnects: 1 });
    expect(src.status().error).toMatch(/does not exist \(unplugged\?\); retrying/);
    expect(events.splice(0)).toEqual(['box-fault raised']); // the heartbeat went silent meanwhile
    line.replug();
    clock.tick(799);
    await flush();
    expect(line.open_).toBe(false);
    clock.tick(1);
    await flush();
    expect(line.open_).toBe(true);
    // The stage left while the box was unplugged: it re-sends every switch on connect.
    line.send(',1*00\r\n' + frames(hb(2), { type: 'ARM', armed: true }, sep('s1a', true), sep('s1b', true)));
    clock.tick(20);
    expect(events).toEqual(['box-disconnected cleared', 'box-fault cleared', 'arm@1550', 'separation s1-s2 separated@1570']);
    expect(arm.armed).toBe(true);
    expect(src.counters()).toMatchObject({ reconnects: 1, disconnects: 1, openFailures: 3, malformed: 0, badChecksum: 0 });
    expect(src.counters().garbageBytes).toBeGreaterThan(0); // the torn frame's tail was dropped, not completed
    await src.stop();
  });

  it('a box absent at start: alarm raised once, cleared on first connect, which is not a reconnect', async () => {
    const { clock, line, events, src } = rig({ present: false });
    await src.start();
    expect(events.splice(0)).toEqual(['box-disconnected raised']);
    expect(src.status().connected).toBe(false);
    line.replug();
    clock.tick(100);
    await flush();
    expect(events).toEqual(['box-disconnected cleared']);
    expect(src.counters()).toMatchObject({ reconnects: 0, openFailures: 1 });
    await src.stop();
  });

  it('backoff resets after a successful reconnect', async () => {
    const { clock, line, src } = rig();
    await src.start();
    line.unplug();
    clock.tick(100);
    await flush();
    clock.tick(200);
    await flush();
    line.replug();
    clock.tick(400);
    await flush();
    expect(line.open_).toBe(true);
    line.unplug();
    line.replug();
    clock.tick(100); // back to the first delay
    await flush();
    expect(line.open_).toBe(true);
    expect(src.counters().reconnects).toBe(2);
    await src.stop();
  });

  it('stop() during backoff cancels the retry; stop() is idempotent', async () => {
    const { clock, line, src } = rig();
    await src.start();
    line.unplug();
    line.replug();
    await src.stop();
    await src.stop();
    clock.tick(10_000);
    await flush();
    expect(line.opens).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a listener that throws is logged and does not stop the others', async () => {
    const { clock, line, events, logs, src } = rig();
    src.subscribe(() => {
      throw new Error('boom');
    });
    await src.start();
    line.send(frames(hb(1), { type: 'ARM', armed: false }));
    clock.tick(1);
    expect(events).toEqual(['arm@0']);
    expect(logs).toEqual(['serial:/dev/ttyFAKE0: a listener threw: boom']);
    await src.stop();
  });

  it('logs framing errors and counts them', async () => {
    const { line, logs, src } = rig();
    await src.start();
    line.send('$KIS,HB,1*00\r\n$KIS,NOPE,1*' + '00\r\n');
    expect(logs.join('\n')).toMatch(/bad-checksum/);
    expect(src.counters()).toMatchObject({ badChecksum: 2 });
    await src.stop();
  });
});
