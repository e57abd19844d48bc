// `kis twin`: serve the embedded twin cluster for kubectl and client-node.
import { plainWorkers } from '../../twin/index.ts';
import { runTwinSession } from '../../run/twin-session.ts';
import { intFlag, numberFlag, UsageError, type Command } from '../command.ts';

export const twinCommand: Command = {
  name: 'twin',
  summary: 'Serve the embedded digital twin (a Kubernetes API over HTTPS) for kubectl and client-node',
  usage: 'kis twin [--nodes N] [--port N] [--host ADDR] [--speed X] [--kubeconfig-out PATH]',
  details: [
    'Starts an in-process Kubernetes-compatible cluster and writes two kubeconfigs: an admin one at',
    '--kubeconfig-out and a read-only one beside it (…-viewer.kubeconfig). Both trust the CA the twin',
    'generates at start. Stop with Ctrl-C (SIGINT) or SIGTERM; the kubeconfigs are removed on exit.',
  ].join('\n'),
  options: {
    nodes: { type: 'string', description: 'number of plain worker nodes (default 3)', valueName: 'N' },
    port: { type: 'string', description: 'port to listen on (default 6443; 0 picks a free port)', valueName: 'N' },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1)', valueName: 'ADDR' },
    speed: { type: 'string', description: "scale the twin's clock: 10 runs ten times faster than real time (default 1)", valueName: 'X' },
    'kubeconfig-out': { type: 'string', description: 'where to write the admin kubeconfig (default .kis/twin.kubeconfig)', valueName: 'PATH' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  async run({ values }) {
    const nodes = intFlag(values.nodes, 'nodes', { min: 0, max: 100_000 }) ?? 3;
    const port = intFlag(values.port, 'port', { min: 0, max: 65535 }) ?? 6443;
    const speed = numberFlag(values.speed, 'speed', { min: 0, exclusiveMin: true, max: 1_000_000 }) ?? 1;
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    if (!host) throw new UsageError('--host must not be empty');
    return runTwinSession({
      nodes: plainWorkers(nodes),
      host,
      port,
      speed,
      kubeconfigOut: (values['kubeconfig-out'] as string | undefined) ?? '.kis/twin.kubeconfig',
      description: `${nodes} plain worker node${nodes === 1 ? '' : 's'}`,
    });
  },
};
