import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrokerAcl, BrokerConfigError, generateBrokerUsers, parseBrokerUsers } from '../../../hal/mqtt/index.ts';

describe('parseBrokerUsers', () => {
  it('reads YAML: devices by default, a topic list, a viewer, under an optional users: key', () => {
    const users = parseBrokerUsers(['users:', '  psu1: { password: p1 }', '  radio:', '    password: r1', '    topics: [kis/f9/signal/link/+]', '  ops: { password: o1, role: viewer }'].join('\n'), 'u.yaml');
    expect(users).toEqual([
      { username: 'psu1', password: 'p1', role: 'device' },
      { username: 'radio', password: 'r1', role: 'device', publish: ['kis/f9/signal/link/+'] },
      { username: 'ops', password: 'o1', role: 'viewer' },
    ]);
    expect(() => new BrokerAcl('f9', users)).not.toThrow();
  });

  it('reads JSON', () => {
    expect(parseBrokerUsers('{"psu1":{"password":"p1"}}', 'u.json')).toEqual([{ username: 'psu1', password: 'p1', role: 'device' }]);
  });

  it.each([
    ['not YAML', 'psu1: [', /u\.yaml: not YAML or JSON/],
    ['empty', '', /expected a map of username/],
    ['a list', '- a\n- b', /expected a map of username/],
    ['no password', 'psu1: { role: device }', /user "psu1": password must be a non-empty string/],
    ['a hal user', 'h: { password: x, role: hal }', /role must be device or viewer \(the HAL publishes state itself/],
    ['an unknown field', 'psu1: { password: x, pasword: y }', /unknown field pasword/],
    ['topics not a list', 'psu1: { password: x, topics: kis/f9/signal/# }', /topics must be a list/],
  ])('refuses %s, naming the file and the user', (_what, text, message) => {
    expect(() => parseBrokerUsers(text, 'u.yaml')).toThrow(BrokerConfigError);
    expect(() => parseBrokerUsers(text, 'u.yaml')).toThrow(message);
  });

  it('leaves topic checks to the ACL: a device granted the HAL topics is refused when the broker is built', () => {
    const users = parseBrokerUsers('psu1: { password: x, topics: [kis/f9/state/#] }', 'u.yaml');
    expect(() => new BrokerAcl('f9', users)).toThrow(/inside kis\/f9\/signal/);
  });
});

describe('generateBrokerUsers', () => {
  it('makes one device per distinct id and a viewer, each with its own password', () => {
    let n = 0;
    const users = generateBrokerUsers(['bus-a', 'uhf', 'bus-a', 'bad/id', '+'], () => `pw${++n}`);
    expect(users).toEqual([
      { username: 'bus-a', password: 'pw1', role: 'device' },
      { username: 'uhf', password: 'pw2', role: 'device' },
      { username: 'viewer', password: 'pw3', role: 'viewer' },
    ]);
    const acl = new BrokerAcl('f9', users);
    const busA = acl.authenticate('bus-a', Buffer.from('pw1'))!;
    expect(acl.refusePublish(busA, 'kis/f9/signal/power/bus-a', false)).toBeUndefined();
    expect(acl.refusePublish(busA, 'kis/f9/signal/power/uhf', false)).toMatch(/may not publish/);
  });

  it('generates distinct strong passwords by default', () => {
    const [a, b] = generateBrokerUsers(['x']);
    expect(a!.password).not.toBe(b!.password);
    expect(a!.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('parseBrokerUsers on untrusted input', () => {
  const entry = fc.record({
    password: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    role: fc.option(fc.constantFrom('device', 'viewer', 'hal', 'root', ''), { nil: undefined }),
    topics: fc.option(fc.oneof(fc.array(fc.string()), fc.string(), fc.array(fc.integer())), { nil: undefined }),
  }, { requiredKeys: [] });
  const doc = fc.oneof(
    fc.string(),
    fc.dictionary(fc.string(), entry).map((d) => JSON.stringify(d)),
    fc.dictionary(fc.string(), entry).map((d) => JSON.stringify({ users: d })),
    fc.jsonValue().map((v) => JSON.stringify(v)),
  );

  it('returns well-formed users or throws BrokerConfigError, nothing else', () => {
    fc.assert(
      fc.property(doc, (text) => {
        let users;
        try {
          users = parseBrokerUsers(text, 'u.yaml');
        } catch (e) {
          expect(e).toBeInstanceOf(BrokerConfigError);
          return;
        }
        for (const u of users) {
          expect(typeof u.password === 'string' && u.password.length > 0).toBe(true);
          expect(['device', 'viewer']).toContain(u.role);
          if (u.publish) expect(u.publish.every((t) => typeof t === 'string')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
