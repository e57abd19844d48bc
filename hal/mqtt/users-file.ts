// Broker credentials for `kis hal --broker`: read from a users file (YAML or JSON), or generated for the
// devices a wiring names and printed once. The HAL itself never needs an entry: it is attached in-process.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { BrokerUser } from './acl.ts';
import { BrokerConfigError } from './acl.ts';

/**
 * The file: a map of username → entry, optionally under a top-level `users:` key.
 *   psu1: { password: s3cret }                       # a device, publishes kis/<v>/signal/+/psu1
 *   radio: { password: x, topics: [kis/f9/signal/link/+] }
 *   ops: { password: y, role: viewer }               # reads state, events, alerts
 * A `hal` role is refused: only the HAL process publishes state/events/alerts, and it needs no login.
 */
export function parseBrokerUsers(text: string, file: string): BrokerUser[] {
  let doc: unknown;
  try {
    // YAML 1.2 is a superset of JSON: one parser for both formats. Warnings (unknown tags) stay off the console.
    doc = parseYaml(text, { logLevel: 'error' });
  } catch (e) {
    throw new BrokerConfigError(`${file}: not YAML or JSON: ${(e as Error).message}`);
  }
  const root = isMap(doc) && isMap(doc.users) ? doc.users : doc;
  if (!isMap(root) || Object.keys(root).length === 0) {
    throw new BrokerConfigError(`${file}: expected a map of username → { password, role?, topics? }`);
  }
  return Object.entries(root).map(([username, entry]) => {
    const where = `${file}: user ${JSON.stringify(username)}`;
    if (!isMap(entry)) throw new BrokerConfigError(`${where}: expected { password, role?, topics? }`);
    const unknown = Object.keys(entry).filter((k) => !['password', 'role', 'topics', 'publish'].includes(k));
    if (unknown.length > 0) throw new BrokerConfigError(`${where}: unknown field ${unknown.join(', ')} (password, role, topics)`);
    const { password, role = 'device' } = entry;
    if (typeof password !== 'string' || password.length === 0) throw new BrokerConfigError(`${where}: password must be a non-empty string`);
    if (role !== 'device' && role !== 'viewer') {
      throw new BrokerConfigError(`${where}: role must be device or viewer (the HAL publishes state itself and needs no user)`);
    }
    const topics = entry.topics ?? entry.publish;
    if (topics !== undefined && (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string'))) {
      throw new BrokerConfigError(`${where}: topics must be a list of MQTT topic filters`);
    }
    return { username, password, role, ...(topics === undefined ? {} : { publish: topics as string[] }) };
  });
}

export function loadBrokerUsers(path: string): BrokerUser[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new BrokerConfigError(`${path}: cannot read the broker users file: ${(e as Error).message}`);
  }
  return parseBrokerUsers(text, path);
}

/** 18 random bytes, base64url: 144 bits, typeable, safe in a URL's userinfo. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * One device user per id (each publishes only `kis/<vehicle>/signal/+/<id>`, the ACL default) and a
 * `viewer` for dashboards. Ids that cannot be a topic level or a username are skipped.
 */
export function generateBrokerUsers(deviceIds: Iterable<string>, password: () => string = generatePassword): BrokerUser[] {
  const ids = [...new Set(deviceIds)].filter((id) => id.length > 0 && !/[/+#\u0000]/.test(id) && id !== 'viewer');
  return [
    ...ids.map((id): BrokerUser => ({ username: id, password: password(), role: 'device' })),
    { username: 'viewer', password: password(), role: 'viewer' },
  ];
}

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
