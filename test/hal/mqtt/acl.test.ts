import { describe, expect, it } from 'vitest';
import { BrokerAcl, BrokerConfigError, type BrokerUser } from '../../../hal/mqtt/index.ts';

const users: BrokerUser[] = [
  { username: 'hal', password: 'h-secret', role: 'hal' },
  { username: 'psu1', password: 'p-secret', role: 'device' },
  { username: 'radio', password: 'r-secret', role: 'device', publish: ['kis/f9/signal/link/+'] },
  { username: 'ops', password: 'o-secret', role: 'viewer' },
];
const acl = new BrokerAcl('f9', users);
const user = (name: string, pw: string) => acl.authenticate(name, Buffer.from(pw))!;

describe('BrokerAcl.authenticate', () => {
  it.each([
    ['hal', 'h-secret', true],
    ['hal', 'h-secreT', false],
    ['hal', '', false],
    ['nobody', 'h-secret', false],
    ['psu1', 'p-secret', true],
  ])('%s / %s → %s', (name, pw, ok) => {
    expect(acl.authenticate(name, Buffer.from(pw)) !== undefined).toBe(ok);
  });

  it('refuses a missing username or password', () => {
    expect(acl.authenticate(undefined, Buffer.from('h-secret'))).toBeUndefined();
    expect(acl.authenticate('hal', undefined)).toBeUndefined();
  });
});

describe('BrokerAcl.refusePublish', () => {
  it.each([
    ['psu1', 'p-secret', 'kis/f9/signal/power/psu1', false, true],
    ['psu1', 'p-secret', 'kis/f9/signal/power-state/psu1', false, true],
    ['psu1', 'p-secret', 'kis/f9/signal/power/psu2', false, false], // another device's id
    ['psu1', 'p-secret', 'kis/f9/signal/power/psu1', true, false], // retained signal
    ['psu1', 'p-secret', 'kis/f9/state/nodes', false, false],
    ['psu1', 'p-secret', 'kis/f9/events', false, false],
    ['psu1', 'p-secret', 'kis/other/signal/power/psu1', false, false],
    ['radio', 'r-secret', 'kis/f9/signal/link/s-band', false, true],
    ['radio', 'r-secret', 'kis/f9/signal/power/s-band', false, false],
    ['hal', 'h-secret', 'kis/f9/state/nodes/n1', true, true],
    ['hal', 'h-secret', 'kis/f9/events', false, true],
    ['hal', 'h-secret', 'kis/f9/alerts', false, true],
    ['hal', 'h-secret', 'kis/f9/signal/power/psu1', false, false],
    ['ops', 'o-secret', 'kis/f9/alerts', false, false],
  ])('%s publishing %s (retain %s) allowed: %s', (name, pw, topic, retain, allowed) => {
    expect(acl.refusePublish(user(name, pw), topic, retain) === undefined).toBe(allowed);
  });
});

describe('BrokerAcl.maySubscribe', () => {
  it.each([
    ['ops', 'o-secret', 'kis/f9/state/#', true],
    ['ops', 'o-secret', 'kis/f9/state/nodes/+', true],
    ['ops', 'o-secret', 'kis/f9/alerts', true],
    ['ops', 'o-secret', 'kis/f9/events', true],
    ['ops', 'o-secret', 'kis/f9/signal/#', false],
    ['ops', 'o-secret', 'kis/f9/#', false],
    ['ops', 'o-secret', '#', false],
    ['ops', 'o-secret', '$SYS/#', false],
    ['psu1', 'p-secret', 'kis/f9/state/#', true],
    ['psu1', 'p-secret', 'kis/f9/signal/+/psu1', false],
    ['hal', 'h-secret', 'kis/f9/signal/#', true],
    ['hal', 'h-secret', 'kis/f9/#', true],
    ['hal', 'h-secret', 'kis/+/signal/#', false],
    ['hal', 'h-secret', 'kis/f9/state/#/x', false], // invalid filter
  ])('%s subscribing %s allowed: %s', (name, pw, filter, allowed) => {
    expect(acl.maySubscribe(user(name, pw), filter)).toBe(allowed);
  });
});

describe('BrokerAcl config', () => {
  it.each<[string, BrokerUser[], RegExp]>([
    ['a device granted state', [{ username: 'd', password: 'x', role: 'device', publish: ['kis/f9/state/#'] }], /must be a valid filter inside kis\/f9\/signal/],
    ['a device granted everything', [{ username: 'd', password: 'x', role: 'device', publish: ['#'] }], /inside kis\/f9\/signal/],
    ['an invalid filter', [{ username: 'd', password: 'x', role: 'device', publish: ['kis/f9/signal/#/x'] }], /valid filter/],
    ['a duplicate user', [{ username: 'd', password: 'x', role: 'viewer' }, { username: 'd', password: 'y', role: 'viewer' }], /duplicate/],
    ['an empty password', [{ username: 'd', password: '', role: 'viewer' }], /password/],
    ['a viewer with a publish list', [{ username: 'd', password: 'x', role: 'viewer', publish: ['kis/f9/signal/#'] }], /only devices/],
    ['a device whose name is not a topic level', [{ username: 'a/b', password: 'x', role: 'device' }], /explicit publish list/],
  ])('rejects %s', (_what, bad, message) => {
    expect(() => new BrokerAcl('f9', bad)).toThrow(BrokerConfigError);
    expect(() => new BrokerAcl('f9', bad)).toThrow(message);
  });

  it('rejects a vehicle that is not one topic level', () => {
    expect(() => new BrokerAcl('f9/x', [])).toThrow(/vehicle/);
  });
});

describe('BrokerAcl publish verdicts are remembered per user', () => {
  it('the same topic asked again, and by another user, gets its own answer', () => {
    const a = new BrokerAcl('f9', users);
    const psu1 = a.authenticate('psu1', Buffer.from('p-secret'))!;
    const radio = a.authenticate('radio', Buffer.from('r-secret'))!;
    for (let i = 0; i < 3; i++) {
      expect(a.refusePublish(psu1, 'kis/f9/signal/power/psu1', false)).toBeUndefined();
      expect(a.refusePublish(radio, 'kis/f9/signal/power/psu1', false)).toMatch(/may not publish/);
      expect(a.refusePublish(psu1, 'kis/f9/signal/power/psu1', true)).toMatch(/retained/); // retain is checked every time
    }
    // More distinct topics than the memory holds: answers stay right.
    for (let i = 0; i < 600; i++) expect(a.refusePublish(psu1, `kis/f9/signal/power/x${i}`, false)).toMatch(/may not publish/);
    expect(a.refusePublish(psu1, 'kis/f9/signal/link/psu1', false)).toBeUndefined();
  });
});
