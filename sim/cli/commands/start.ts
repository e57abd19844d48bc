// `kis start` (what `npm start` runs): the main job on the embedded twin for a new user.
import { plainWorkers } from '../../twin/index.ts';
import { runTwinSession } from '../../run/twin-session.ts';
import type { Command } from '../command.ts';

export const startCommand: Command = {
  name: 'start',
  summary: 'What `npm start` runs: the embedded twin with a sample cluster, and the kubectl commands to try',
  usage: 'kis start',
  details: 'Until the flight-profile runner lands, this serves the twin with five worker nodes on port 6443 (or a free port if taken).',
  options: { help: { type: 'boolean', short: 'h', description: 'show this help' } },
  async run() {
    return runTwinSession({
      nodes: plainWorkers(5),
      host: '127.0.0.1',
      port: 6443,
      portFallback: true,
      speed: 1,
      kubeconfigOut: '.kis/twin.kubeconfig',
      description: '5 worker nodes',
    });
  },
};
