// The kis MQTT topic tree (ARCHITECTURE.md "MQTT topics") and MQTT topic-filter arithmetic.
//   kis/<vehicle>/signal/<type>/<id>   devices → HAL (JSON Signal payload)
//   kis/<vehicle>/state/…              HAL → everyone, retained
//   kis/<vehicle>/events               HAL → everyone
//   kis/<vehicle>/alerts               HAL → everyone

export const TOPIC_ROOT = 'kis';

/** True when `s` can be one topic level: non-empty, no separator, no wildcard, no NUL. */
export function isTopicLevel(s: string): boolean {
  // MQTT 3.1.1 §4.7.3: wildcards are not allowed in topic names; §1.5.3: no U+0000.
  return s.length > 0 && !/[/+#\u0000]/.test(s);
}

function level(name: string, value: string): string {
  if (!isTopicLevel(value)) {
    throw new TypeError(`${name} ${JSON.stringify(value)} cannot be an MQTT topic level: it must be non-empty without '/', '+', '#'`);
  }
  return value;
}

export function signalTopic(vehicle: string, type: string, id: string): string {
  return `${TOPIC_ROOT}/${level('vehicle', vehicle)}/signal/${level('signal type', type)}/${level('id', id)}`;
}

/** Every signal of a vehicle: what the HAL subscribes to. */
export function signalFilter(vehicle: string): string {
  return `${TOPIC_ROOT}/${level('vehicle', vehicle)}/signal/#`;
}

/** `path` may have several levels ("nodes/n1"); each must be a valid level. */
export function stateTopic(vehicle: string, path: string): string {
  path.split('/').forEach((p) => level('state path level', p));
  return `${TOPIC_ROOT}/${level('vehicle', vehicle)}/state/${path}`;
}

export function eventsTopic(vehicle: string): string {
  return `${TOPIC_ROOT}/${level('vehicle', vehicle)}/events`;
}

export function alertsTopic(vehicle: string): string {
  return `${TOPIC_ROOT}/${level('vehicle', vehicle)}/alerts`;
}

/** The filters every authenticated user may subscribe to: the HAL's outbound topics. */
export function outboundFilters(vehicle: string): string[] {
  return [`${TOPIC_ROOT}/${level('vehicle', vehicle)}/state/#`, eventsTopic(vehicle), alertsTopic(vehicle)];
}

export interface SignalTopic {
  readonly vehicle: string;
  readonly type: string;
  readonly id: string;
}

/** Splits `kis/<vehicle>/signal/<type>/<id>`; undefined for any other shape. */
export function parseSignalTopic(topic: string): SignalTopic | undefined {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== TOPIC_ROOT || parts[2] !== 'signal') return undefined;
  const [, vehicle, , type, id] = parts as [string, string, string, string, string];
  if (!isTopicLevel(vehicle) || !isTopicLevel(type) || !isTopicLevel(id)) return undefined;
  return { vehicle, type, id };
}

/** Syntax of a topic filter (MQTT 3.1.1 §4.7.1): '#' only last and alone in its level, '+' alone in its level. */
export function isValidFilter(filter: string): boolean {
  if (filter.length === 0 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((l, i) => {
    if (l.includes('#')) return l === '#' && i === levels.length - 1;
    if (l.includes('+')) return l === '+';
    return true;
  });
}

/**
 * Does `topic` (a name, no wildcards) match `filter`? MQTT 3.1.1 §4.7.1.2: "sport/#" also matches
 * "sport" itself; §4.7.2: a filter starting with a wildcard does not match topics starting with '$'.
 */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '#' || f[0] === '+')) return false;
  for (let i = 0; i < f.length; i++) {
    const fl = f[i]!;
    if (fl === '#') return true;
    if (i >= t.length) return false;
    if (fl !== '+' && fl !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * Does every topic matched by `inner` also match `outer`? Used to decide whether a subscription
 * stays inside what a user may read: "kis/v/state/+" is inside "kis/v/state/#", "kis/v/#" is not.
 */
export function filterWithin(inner: string, outer: string): boolean {
  const i = inner.split('/');
  const o = outer.split('/');
  // §4.7.2: a leading wildcard never reaches '$' topics, so it cannot contain a '$' filter.
  if (inner.startsWith('$') && (o[0] === '#' || o[0] === '+')) return false;
  for (let k = 0; k < o.length; k++) {
    const ol = o[k]!;
    if (ol === '#') return true;
    if (k >= i.length) return false;
    const il = i[k]!;
    if (il === '#') return false; // inner reaches deeper than a non-'#' outer level allows
    if (ol === '+') continue;
    if (il !== ol) return false; // a '+' in inner is wider than a literal in outer
  }
  return i.length === o.length;
}
