// `kis serve`: training — the twin flying a profile in real time, the HAL, the web view with an instructor
// console, and kubeconfigs for trainees. Exit 0 when stopped, 2 for bad input.
import { fileURLToPath } from 'node:url';
import { formatErrors, loadProfile, ProfileLoadError } from '../../profile/index.ts';
import { prepareRunDir, RunDirError } from '../../run/run-dir.ts';
import { trainingSession } from '../../serve/training.ts';
import { ViewError } from '../../serve/view.ts';
import { intFlag, numberFlag, UsageError, type Command } from '../command.ts';

const SAMPLE_PATH = fileURLToPath(new URL('../../../profiles/falcon9-leo.yaml', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Training: fly a profile on the twin in real time with the web view, an instructor console and kubectl access',
  usage: 'kis serve [--profile P] [--port N] [--host H] [--speed X] [--seed N] [--out DIR] [--kubeconfig-out PATH] [--broker [--broker-port N]]',
  details: [
    "Flies the profile (default: the Falcon 9-like sample) on the embedded twin in real time (or --speed X):",
    'its workloads, timeline and vehicle signals through the same HAL wiring as hardware. Prints two addresses:',
    'the read-only view for trainees, and the instructor\'s (with ?token=…) whose console injects faults —',
    'separate a stage, brown out or cut a bus, drop a link, crash a node — journalled with source "instructor".',
    'Trainees answer with kubectl: an admin and a read-only kubeconfig are written (removed when the twin stops).',
    'When the mission ends the finished journal stays on view until Ctrl-C. The journal and reports go to --out.',
    '--broker also starts the embedded MQTT broker (as `kis hal --broker`; logins generated and printed once):',
    "lab devices' signals (kis/<vehicle>/signal/…) join the run through the same wiring, at mission time.",
  ].join('\n'),
  options: {
    profile: { type: 'string', description: 'the flight profile (default profiles/falcon9-leo.yaml)', valueName: 'P' },
    port: { type: 'string', description: 'port of the web view (default 8080; 0 picks a free one)', valueName: 'N' },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1; 0.0.0.0 for trainees on other machines)', valueName: 'H' },
    speed: { type: 'string', description: 'clock speed: 1 is real time (default), 10 ten times faster', valueName: 'X' },
    seed: { type: 'string', description: "random seed (default: the profile's cluster.seed)", valueName: 'N' },
    out: { type: 'string', description: 'where the journal and reports go (default runs/<profile>-seed<N>[-n])', valueName: 'DIR' },
    'kubeconfig-out': { type: 'string', description: 'the admin kubeconfig (default .kis/serve.kubeconfig; the read-only one beside it)', valueName: 'PATH' },
    web: { type: 'string', description: 'serve this built web app instead of web/dist (no build)', valueName: 'DIR' },
    broker: { type: 'boolean', description: 'also the embedded MQTT broker: device signals feed the run' },
    'broker-port': { type: 'string', description: 'with --broker: its MQTT port (default 1883; 0 picks a free one)', valueName: 'N' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  async run({ values }) {
    const port = intFlag(values.port, 'port', { min: 0, max: 65535 }) ?? 8080;
    const speed = numberFlag(values.speed, 'speed', { min: 0, exclusiveMin: true, max: 10_000 }) ?? 1;
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    if (!host) throw new UsageError('--host must not be empty');
    const brokerPort = intFlag(values['broker-port'], 'broker-port', { min: 0, max: 65535 });
    if (brokerPort !== undefined && !values.broker) throw new UsageError('--broker-port goes with --broker');
    const profilePath = (values.profile as string | undefined) ?? SAMPLE_PATH;
    let profile;
    try {
      profile = loadProfile(profilePath);
    } catch (e) {
      if (!(e instanceof ProfileLoadError)) throw e;
      console.error(formatErrors(e.errors));
      return 2;
    }
    const seed = intFlag(values.seed, 'seed', { min: 0, max: 2 ** 31 - 1 }) ?? profile.cluster.seed;
    try {
      const outDir = prepareRunDir(values.out as string | undefined, profile.metadata.name, seed);
      return await trainingSession({
        profile, profilePath, seed, speed, outDir, port, host,
        kubeconfigOut: (values['kubeconfig-out'] as string | undefined) ?? '.kis/serve.kubeconfig',
        ...(values.web !== undefined ? { webDir: values.web as string } : {}),
        ...(values.broker ? { broker: { host, port: brokerPort ?? 1883 } } : {}),
        log: (l) => console.log(l),
      });
    } catch (e) {
      if (e instanceof ViewError || e instanceof RunDirError) {
        console.error(`kis serve: ${e.message}`);
        return 2;
      }
      throw e;
    }
  },
};
