// `kis start` (what `npm start` runs): the main job on the embedded twin for a new user.
import { fileURLToPath } from 'node:url';
import { loadProfile } from '../../profile/index.ts';
import { vehicleNodes } from '../../run/vehicle-nodes.ts';
import { twinConfig } from '../../run/twin-config.ts';
import { runTwinSession } from '../../run/twin-session.ts';
import type { Command } from '../command.ts';

// Resolved from the package, so `kis start` works from any directory.
const SAMPLE_PATH = fileURLToPath(new URL('../../../profiles/falcon9-leo.yaml', import.meta.url));
const SAMPLE = 'profiles/falcon9-leo.yaml';

export const startCommand: Command = {
  name: 'start',
  summary: 'What `npm start` runs: the embedded twin with a sample cluster, and the kubectl commands to try',
  usage: 'kis start',
  details: [
    'Until the flight-profile runner lands, this serves the twin with the Falcon 9-like vehicle of',
    'profiles/falcon9-leo.yaml on port 6443 (or a free port if 6443 is taken).',
  ].join('\n'),
  options: { help: { type: 'boolean', short: 'h', description: 'show this help' } },
  async run() {
    const profile = loadProfile(SAMPLE_PATH);
    return runTwinSession({
      nodes: vehicleNodes(profile),
      config: twinConfig(profile),
      host: '127.0.0.1',
      port: 6443,
      portFallback: true,
      speed: 1,
      kubeconfigOut: '.kis/twin.kubeconfig',
      description: `the ${profile.vehicle.name} vehicle of ${SAMPLE} (${profile.vehicle.nodes.length} nodes on ${profile.vehicle.stages.length} stages)`,
    });
  },
};
