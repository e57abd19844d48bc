// deriveWiring(profile): the default wiring for a profile's vehicle, so `kis hal --profile` and
// `kis run` need no wiring file — one box with two switches (2-of-2) per separating stage,
// the buses' thresholds, the links, and the convention MQTT topics.
import type { Profile } from '../../sim/profile/index.ts';
import { WIRING_DEFAULTS, type ArmMode, type MqttTopicWiring, type PlaneWiring, type Wiring } from './types.ts';

export interface DeriveOptions {
  /** Default key: on real hardware nothing is removed until a box key says ARM. `kis run` passes armed. */
  readonly arming?: ArmMode;
  readonly box?: string;
}

/**
 * Planes: one per stage that separates in the timeline, or else per stage but the top one (which
 * stays). The plane is named after its stage; its switches are `<stage>-a` and `<stage>-b`.
 * A stage is planned when the timeline prepares or plans its separation.
 */
export function deriveWiring(profile: Profile, options: DeriveOptions = {}): Wiring {
  const v = profile.vehicle;
  const stages = v.stages.map((s) => s.name);
  const separating = new Set<string>();
  const planned = new Set<string>();
  for (const e of profile.timeline) {
    if (e.event === 'separation') {
      separating.add(e.stage);
      if (e.planned) planned.add(e.stage);
    } else if (e.event === 'prepareSeparation') planned.add(e.stage);
  }
  const planeStages = separating.size > 0 ? stages.filter((s) => separating.has(s)) : stages.slice(0, -1);
  const planes = planeStages.map((s): PlaneWiring => ({
    plane: s,
    stage: s,
    switches: [`${s}-a`, `${s}-b`],
    policy: WIRING_DEFAULTS.policy,
    agreementWindowMs: WIRING_DEFAULTS.agreementWindowMs,
    separation: planned.has(s) ? 'planned' : 'unplanned',
  }));
  const topic = (type: string, id: string) => `kis/${v.name}/signal/${type}/${id}`;
  const mqtt: MqttTopicWiring[] = [
    ...planes.map((p): MqttTopicWiring => ({ topic: topic('separation', p.plane), signal: 'separation', id: p.plane })),
    ...v.powerBuses.flatMap((b): MqttTopicWiring[] => [
      { topic: topic('power', b.name), signal: 'power', id: b.name },
      { topic: topic('power-state', b.name), signal: 'power-state', id: b.name },
    ]),
    ...v.links.map((l): MqttTopicWiring => ({ topic: topic('link', l.name), signal: 'link', id: l.name })),
  ];
  const priorities = profile.priorityClasses.map((p) => p.value);
  return {
    vehicle: v.name,
    stages,
    arming: options.arming ?? WIRING_DEFAULTS.arming,
    // Keep only the most critical class on a sagging bus: everything below it is shed.
    ...(priorities.length > 0 ? { shedBelowPriority: Math.max(...priorities) } : {}),
    serial: planes.length > 0
      ? [{ box: options.box ?? 'box0', debounceMs: WIRING_DEFAULTS.debounceMs, heartbeatTimeoutMs: WIRING_DEFAULTS.heartbeatTimeoutMs, planes }]
      : [],
    mqtt,
    power: v.powerBuses.map((b) => ({
      bus: b.name,
      brownoutMillivolts: Math.round(b.brownoutVolts * 1000),
      cutoffMillivolts: Math.round(b.cutoffVolts * 1000),
      hysteresisMillivolts: Math.round(b.hysteresisVolts * 1000),
    })),
    links: v.links.map((l) => ({ link: l.name, stages: [] })),
    commands: {},
  };
}
