// Who may connect to the embedded broker and what each user may publish and subscribe to: pure rules,
// checked once per packet by the broker's aedes hooks. Bad configuration is rejected up front.
import { createHash, timingSafeEqual } from 'node:crypto';
import { filterWithin, isTopicLevel, isValidFilter, outboundFilters, TOPIC_ROOT, topicMatches } from './topics.ts';

/**
 * - `hal`: publishes state (retained), events and alerts; reads everything of its vehicle.
 * - `device`: publishes its own signal topics only; reads state, events, alerts.
 * - `viewer`: reads state, events, alerts.
 */
export type BrokerRole = 'hal' | 'device' | 'viewer';

export interface BrokerUser {
  readonly username: string;
  readonly password: string;
  readonly role: BrokerRole;
  /**
   * Devices only: topic filters the device may publish to, each inside kis/<vehicle>/signal/.
   * Default: `kis/<vehicle>/signal/+/<username>` — any signal type about the device's own id.
   */
  readonly publish?: readonly string[];
}

export interface AclUser {
  readonly username: string;
  readonly role: BrokerRole;
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

export class BrokerConfigError extends Error {
  override readonly name = 'BrokerConfigError';
}

const digest = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

export class BrokerAcl {
  readonly vehicle: string;
  private readonly users = new Map<string, { user: AclUser; secret: Buffer }>();
  private readonly verdicts = new WeakMap<AclUser, Map<string, boolean>>();

  constructor(vehicle: string, users: readonly BrokerUser[]) {
    if (!isTopicLevel(vehicle)) throw new BrokerConfigError(`vehicle ${JSON.stringify(vehicle)}: must be one MQTT topic level (no '/', '+', '#')`);
    this.vehicle = vehicle;
    const signalRoot = `${TOPIC_ROOT}/${vehicle}/signal/#`;
    const readable = outboundFilters(vehicle);
    users.forEach((u, i) => {
      const where = `users[${i}] (${JSON.stringify(u.username)})`;
      if (typeof u.username !== 'string' || u.username.length === 0) throw new BrokerConfigError(`${where}: username must be a non-empty string`);
      if (this.users.has(u.username)) throw new BrokerConfigError(`${where}: duplicate username`);
      if (typeof u.password !== 'string' || u.password.length === 0) throw new BrokerConfigError(`${where}: password must be a non-empty string`);
      if (!['hal', 'device', 'viewer'].includes(u.role)) throw new BrokerConfigError(`${where}: role must be hal | device | viewer`);
      if (u.publish !== undefined && u.role !== 'device') throw new BrokerConfigError(`${where}: only devices take a publish list`);
      let publish: string[];
      if (u.role === 'hal') publish = [...readable];
      else if (u.role === 'viewer') publish = [];
      else {
        if (u.publish === undefined && !isTopicLevel(u.username)) {
          throw new BrokerConfigError(`${where}: username is not a topic level; give the device an explicit publish list`);
        }
        publish = [...(u.publish ?? [`${TOPIC_ROOT}/${vehicle}/signal/+/${u.username}`])];
        for (const f of publish) {
          // A device can never be granted the HAL's topics, however its list is written.
          if (!isValidFilter(f) || !filterWithin(f, signalRoot)) {
            throw new BrokerConfigError(`${where}: publish filter ${JSON.stringify(f)} must be a valid filter inside ${signalRoot}`);
          }
        }
      }
      const subscribe = u.role === 'hal' ? [`${TOPIC_ROOT}/${vehicle}/#`] : readable;
      this.users.set(u.username, {
        user: { username: u.username, role: u.role, publish, subscribe },
        secret: digest(Buffer.from(u.password, 'utf8')),
      });
    });
  }

  /** The user, or undefined for an unknown name or a wrong password (the caller cannot tell which). */
  authenticate(username: string | undefined, password: Uint8Array | undefined): AclUser | undefined {
    const entry = username === undefined ? undefined : this.users.get(username);
    // Compare digests in constant time, and do the same work for unknown users.
    const given = digest(password ?? new Uint8Array());
    const ok = timingSafeEqual(given, entry?.secret ?? digest(Buffer.from('\u0000no-user'))) && entry !== undefined;
    return ok ? entry.user : undefined;
  }

  /** Why `user` may not publish `topic`, or undefined when it may. */
  refusePublish(user: AclUser, topic: string, retain: boolean): string | undefined {
    if (!this.mayPublishTo(user, topic)) {
      return `${user.role} ${user.username} may not publish to ${topic}`;
    }
    // A retained signal would be replayed to the HAL on every (re)subscribe: a stale separation.
    if (retain && user.role !== 'hal') return `${user.username}: retained publishes are refused on ${topic}`;
    return undefined;
  }

  /**
   * Runs once per PUBLISH at ingest rates: a device sends on the same few topics again and again, so the
   * answer is remembered per user (bounded: a device spraying topics is refused anyway and cannot grow it).
   */
  private mayPublishTo(user: AclUser, topic: string): boolean {
    let seen = this.verdicts.get(user);
    if (!seen) this.verdicts.set(user, (seen = new Map()));
    let ok = seen.get(topic);
    if (ok === undefined) {
      ok = user.publish.some((f) => topicMatches(f, topic));
      if (seen.size >= 256) seen.clear();
      seen.set(topic, ok);
    }
    return ok;
  }

  /** May `user` subscribe to `filter`? Only when every topic it matches is one the user may read. */
  maySubscribe(user: AclUser, filter: string): boolean {
    return isValidFilter(filter) && user.subscribe.some((allowed) => filterWithin(filter, allowed));
  }
}
