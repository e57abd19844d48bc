// `kis switchbox`: a software stand-in for the serial switch box, on one end of a socat pty pair.
import { RealClock } from '../../core/index.ts';
import { formatErrors, loadProfile, parseMissionTime, ProfileLoadError, type Profile } from '../../profile/index.ts';
import { deriveWiring, loadWiring, WiringLoadError, type Wiring } from '../../../hal/wiring/index.ts';
import { parseSerialSpec, SerialSpecError } from '../../../hal/sources/serial/index.ts';
import {
  BoxModel, DEMO_LAYOUT, SwitchboxRunner, checkLayout, frameSchedule, keyLegend, layoutFromVehicle, scriptFromTimeline, stepsBefore,
  type BoxLayout, type BoxPlane,
} from '../../../hal/switchbox/index.ts';
import { intFlag, numberFlag, UsageError, type Command } from '../command.ts';

const KEYS_HELP = [
  'Keys (when stdin is a terminal, in both modes): 1-9 separate / re-attach plane N (all its switches);',
  'Shift+1-9 bounce plane N for 5 ms (shorter than the debounce); a-z one switch alone (a disagreement);',
  'K ARM/SAFE key; H stop/resume heartbeats; L every link down/up; U/D every bus +/-0.5 V;',
  'X every bus off / back to nominal; S re-send the full state; Q or Ctrl-C quit. The legend with the',
  'actual planes and switches is printed at start.',
].join('\n');

export const switchboxCommand: Command = {
  name: 'switchbox',
  summary: 'Play a software switch box on a serial line: a profile timeline or key presses as $KIS frames',
  usage: 'kis switchbox --port PATH [--profile P] [--wiring W] [--baud N] [--from T] [--speed X] [--key arm|safe]',
  details: [
    'Writes the frames the real box writes (SEP per switch, PWR, LNK, HB, ARM) to PATH, typically one end of',
    'a socat pair: socat pty,raw,echo=0,link=/tmp/kis-box pty,raw,echo=0,link=/tmp/kis-hal — then run',
    '`kis hal --serial /tmp/kis-hal …`. With --profile the timeline plays (separation → SEP on the plane\'s',
    'redundant switches, powerLevel/powerLoss/powerRestore → PWR, linkDown/linkUp → LNK); planes come from',
    '--wiring, else from the default wiring of the profile (switches <stage>-a and <stage>-b). On every',
    '(re)open of PATH the box sends its full state; if PATH vanishes it reopens it with backoff.',
    '',
    KEYS_HELP,
  ].join('\n'),
  options: {
    port: { type: 'string', description: 'serial device or pty to write to, PATH[@BAUD]', valueName: 'PATH' },
    baud: { type: 'string', description: 'line speed (default 115200, 8N1)', valueName: 'N' },
    profile: { type: 'string', description: "play this profile's timeline; its vehicle gives the buses and links", valueName: 'P' },
    wiring: { type: 'string', description: 'take the planes and switches from this wiring file', valueName: 'W' },
    box: { type: 'string', description: 'which serial box of the wiring to play (default the first)', valueName: 'ID' },
    from: { type: 'string', description: 'start at this mission time, e.g. T+140s (default the profile start)', valueName: 'T' },
    speed: { type: 'string', description: 'mission seconds per real second (default 1)', valueName: 'X' },
    key: { type: 'string', description: 'the ARM key at start: arm or safe (default arm with --profile, else safe)', valueName: 'K' },
    'heartbeat-ms': { type: 'string', description: 'ms between HB frames (default 100)', valueName: 'N' },
    'refresh-ms': { type: 'string', description: 'ms between re-sends of the key and switch states (default 1000; 0 = never)', valueName: 'N' },
    'skew-ms': { type: 'string', description: 'ms between redundant switches of one plane closing (default 2)', valueName: 'N' },
    'exit-at-end': { type: 'boolean', description: 'exit once the timeline has played (default: keep beating until Ctrl-C)' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  async run({ values }) {
    if (typeof values.port !== 'string') throw new UsageError('--port PATH is required');
    let spec;
    try {
      spec = parseSerialSpec(values.port);
    } catch (e) {
      if (e instanceof SerialSpecError) throw new UsageError(e.message);
      throw e;
    }
    const baud = intFlag(values.baud, 'baud', { min: 50, max: 4_000_000 });
    if (baud !== undefined) spec = parseSerialSpec(`${spec.path}@${baud}`);
    const speed = numberFlag(values.speed, 'speed', { min: 0, exclusiveMin: true, max: 1_000_000 }) ?? 1;
    const heartbeatMs = intFlag(values['heartbeat-ms'], 'heartbeat-ms', { min: 1, max: 60_000 });
    const refreshMs = intFlag(values['refresh-ms'], 'refresh-ms', { min: 0, max: 3_600_000 });
    const skewMs = intFlag(values['skew-ms'], 'skew-ms', { min: 0, max: 10_000 });
    if (values.key !== undefined && values.key !== 'arm' && values.key !== 'safe') throw new UsageError(`--key must be arm or safe, got "${String(values.key)}"`);
    let profile: Profile | undefined;
    let wiring: Wiring | undefined;
    try {
      if (typeof values.profile === 'string') profile = loadProfile(values.profile);
      if (typeof values.wiring === 'string') wiring = loadWiring(values.wiring);
    } catch (e) {
      if (!(e instanceof ProfileLoadError) && !(e instanceof WiringLoadError)) throw e;
      console.error(formatErrors(e.errors));
      return 2;
    }
    const layout = resolveLayout(profile, wiring ?? (profile ? deriveWiring(profile) : undefined), values.box as string | undefined);
    checkLayout(layout);
    const fromMs = values.from === undefined ? (profile?.startMs ?? 0) : parseMissionTime(values.from);
    if (fromMs === undefined) throw new UsageError(`--from must be a mission time such as T+140s or T-10s, got "${String(values.from)}"`);
    const steps = profile ? scriptFromTimeline(profile.timeline, layout, skewMs === undefined ? {} : { skewMs }) : [];
    const armed = values.key === undefined ? profile !== undefined : values.key === 'arm';
    const model = new BoxModel(layout, { armed, lived: stepsBefore(steps, fromMs) });
    const clock = new RealClock();
    const t0 = clock.now();
    const stamp = (): string => `+${((clock.now() - t0) / 1000).toFixed(3)}s`;
    const runner = new SwitchboxRunner({
      spec,
      clock,
      model,
      schedule: frameSchedule(steps, {
        fromMs,
        speed,
        ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
        ...(refreshMs === undefined ? {} : { refreshMs }),
      }),
      log: (line) => console.log(`${stamp()} ${line}`),
    });
    console.log(`switchbox on ${spec.path} @${spec.baudRate}: ${layout.planes.length} plane(s), ${steps.length} scripted frame(s), key ${armed ? 'ARM' : 'SAFE'}`);
    const tty = process.stdin.isTTY === true;
    if (tty) console.log(keyLegend(layout));
    await runner.start();
    await waitForEnd(runner, tty, values['exit-at-end'] === true && profile !== undefined);
    await runner.stop();
    console.log(`switchbox: ${runner.counters.framesWritten} frame(s) written, ${runner.counters.framesDropped} dropped while the line was down`);
    return 0;
  },
};

function resolveLayout(profile: Profile | undefined, wiring: Wiring | undefined, box: string | undefined): BoxLayout {
  if (!wiring) return DEMO_LAYOUT;
  const boxes = wiring.serial;
  const chosen = box === undefined ? boxes[0] : boxes.find((b) => b.box === box);
  if (box !== undefined && !chosen) throw new UsageError(`--box ${box}: the wiring has boxes ${boxes.map((b) => b.box).join(', ') || '(none)'}`);
  const planes: BoxPlane[] = (chosen?.planes ?? []).map((p) => ({ plane: p.plane, stage: p.stage, switches: p.switches }));
  if (profile) return layoutFromVehicle(profile.vehicle, planes);
  // A wiring file alone knows thresholds but not nominal volts: assume a 28 V bus (U/D adjust it).
  return { planes, buses: wiring.power.map((b) => ({ bus: b.bus, nominalMillivolts: 28_000 })), links: wiring.links.map((l) => l.link) };
}

/** Until Ctrl-C / SIGTERM / Q, or the end of the script with --exit-at-end. */
function waitForEnd(runner: SwitchboxRunner, tty: boolean, exitAtEnd: boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    const onKey = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      // An escape sequence (arrow keys) is one key we do not use; otherwise every character is a key.
      for (const key of text.startsWith('\u001b') ? [text] : [...text]) if (runner.press(key) === 'quit') done();
    };
    let ended = false;
    const done = (): void => {
      if (ended) return;
      ended = true;
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      if (tty) {
        process.stdin.off('data', onKey);
        process.stdin.setRawMode(false);
        process.stdin.pause();
      }
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    if (tty) {
      process.stdin.setRawMode(true);
      process.stdin.on('data', onKey);
      process.stdin.resume();
    }
    if (exitAtEnd) void runner.scriptDone.then(done);
  });
}
