// Semantic checks the schema cannot express (unique names, cutoff below brownout, known stages,
// valid command actions), then the typed Wiring with every default applied.
import { checkAction, type Action } from '../signals/index.ts';
import type { Issue, Path } from '../../sim/profile/index.ts';
import { WIRING_DEFAULTS, type LinkWiring, type MqttTopicWiring, type PlaneWiring, type PowerBusWiring, type SerialBoxWiring, type Wiring } from './types.ts';

type Raw = Record<string, unknown>;
const MAX_SWITCHES_PER_PLANE = 9;

function rec(v: unknown): Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {};
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
const mv = (volts: number): number => Math.round(volts * 1000);

/** Checks a schema-valid document; returns the issues (positions are paths) and the Wiring when there are none. */
export function buildWiring(root: Raw): { wiring?: Wiring; issues: Issue[] } {
  const issues: Issue[] = [];
  const flag = (path: Path, message: string, on: Issue['on'] = 'value') => issues.push({ path, message, on });
  const serial = list(root.serial).map((b, i) => box(rec(b), ['serial', i], flag));
  const planeSeen = new Map<string, string>();
  serial.forEach((b, i) => b.planes.forEach((p, j) => {
    const other = planeSeen.get(p.plane);
    if (other !== undefined) flag(['serial', i, 'planes', j, 'plane'], `plane ${p.plane} is already wired at ${other}`);
    else planeSeen.set(p.plane, `serial[${i}].planes[${j}]`);
  }));
  unique(serial.map((b) => b.box), ['serial'], 'box', flag);
  const declared = list(root.stages).map(str);
  const stages = declared.length > 0 ? declared : [...new Set(serial.flatMap((b) => b.planes.map((p) => p.stage)))];
  unique(declared, ['stages'], undefined, flag);
  if (declared.length > 0) {
    serial.forEach((b, i) => b.planes.forEach((p, j) => {
      if (!declared.includes(p.stage)) flag(['serial', i, 'planes', j, 'stage'], `stage ${p.stage} is not in stages (${declared.join(', ')})`);
    }));
  }
  const power = list(root.power).map((b, i): PowerBusWiring => {
    const r = rec(b);
    const bus: PowerBusWiring = {
      bus: str(r.bus),
      brownoutMillivolts: mv(num(r.brownoutVolts, 0)),
      cutoffMillivolts: mv(num(r.cutoffVolts, 0)),
      hysteresisMillivolts: mv(num(r.hysteresisVolts, WIRING_DEFAULTS.hysteresisVolts)),
    };
    if (bus.cutoffMillivolts >= bus.brownoutMillivolts) flag(['power', i, 'cutoffVolts'], `cutoffVolts must be below brownoutVolts (${num(r.brownoutVolts, 0)})`);
    return bus;
  });
  unique(power.map((b) => b.bus), ['power'], 'bus', flag);
  const links = list(root.links).map((l, i): LinkWiring => {
    const r = rec(l);
    const ls = list(r.stages).map(str);
    ls.forEach((s, j) => {
      if (!stages.includes(s)) flag(['links', i, 'stages', j], `stage ${s} is not a stage of the vehicle (${stages.join(', ') || 'none declared'})`);
    });
    return { link: str(r.link), stages: ls };
  });
  unique(links.map((l) => l.link), ['links'], 'link', flag);
  const mqtt = list(root.mqtt).map((t): MqttTopicWiring => {
    const r = rec(t);
    return { topic: str(r.topic), signal: str(r.signal) as MqttTopicWiring['signal'], ...(typeof r.id === 'string' ? { id: r.id } : {}) };
  });
  const commands: Record<string, readonly Action[]> = {};
  for (const [name, acts] of Object.entries(rec(root.commands))) {
    const checked: Action[] = [];
    list(acts).forEach((a, i) => {
      const problem = checkAction(a, 'action');
      if (problem !== undefined) flag(['commands', name, i], problem);
      else checked.push(a as Action);
    });
    commands[name] = checked;
  }
  if (issues.length > 0) return { issues };
  const wiring: Wiring = {
    vehicle: str(root.vehicle),
    stages,
    arming: (root.arming as Wiring['arming'] | undefined) ?? WIRING_DEFAULTS.arming,
    ...(typeof root.shedBelowPriority === 'number' ? { shedBelowPriority: root.shedBelowPriority } : {}),
    serial,
    mqtt,
    power,
    links,
    commands,
  };
  return { wiring, issues };
}

function box(r: Raw, at: Path, flag: (path: Path, message: string) => void): SerialBoxWiring {
  const switchSeen = new Set<string>();
  const planes = list(r.planes).map((p, j): PlaneWiring => {
    const pr = rec(p);
    const switches = list(pr.switches).map(str);
    if (switches.length > MAX_SWITCHES_PER_PLANE) flag([...at, 'planes', j, 'switches'], `a plane has at most ${MAX_SWITCHES_PER_PLANE} switches, got ${switches.length}`);
    switches.forEach((s, k) => {
      if (switchSeen.has(s)) flag([...at, 'planes', j, 'switches', k], `switch ${s} is listed twice in box ${str(r.box)}`);
      switchSeen.add(s);
    });
    return {
      plane: str(pr.plane),
      stage: str(pr.stage),
      switches,
      policy: (pr.policy as PlaneWiring['policy'] | undefined) ?? WIRING_DEFAULTS.policy,
      agreementWindowMs: num(pr.agreementWindowMs, WIRING_DEFAULTS.agreementWindowMs),
      separation: (pr.separation as PlaneWiring['separation'] | undefined) ?? WIRING_DEFAULTS.separation,
    };
  });
  return {
    box: str(r.box),
    debounceMs: num(r.debounceMs, WIRING_DEFAULTS.debounceMs),
    heartbeatTimeoutMs: num(r.heartbeatTimeoutMs, WIRING_DEFAULTS.heartbeatTimeoutMs),
    planes,
  };
}

function unique(names: readonly string[], at: Path, field: string | undefined, flag: (path: Path, message: string) => void): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n)) flag(field === undefined ? [...at, i] : [...at, i, field], `${JSON.stringify(n)} is listed twice`);
    seen.add(n);
  });
}
