// `kis twin`: serve the embedded twin cluster for kubectl and client-node.
import { loadProfile, ProfileLoadError, formatErrors } from '../../profile/index.ts';
import { plainWorkers } from '../../twin/index.ts';
import { vehicleNodes } from '../../run/vehicle-nodes.ts';
import { twinConfig } from '../../run/twin-config.ts';
import type { TwinConfig } from '../../twin/index.ts';
import { runTwinSession } from '../../run/twin-session.ts';
import { intFlag, numberFlag, UsageError, type Command } from '../command.ts';

export const twinCommand: Command = {
  name: 'twin',
  summary: 'Serve the embedded digital twin (a Kubernetes API over HTTPS) for kubectl and client-node',
  usage: 'kis twin [--profile P | --nodes N] [--port N] [--host ADDR] [--speed X] [--kubeconfig-out PATH]',
  details: [
    'Starts an in-process Kubernetes-compatible cluster — simulated kubelets, scheduler and controllers',
    'included (--static for fixed, always-Ready nodes) — and writes two kubeconfigs: an admin one at',
    '--kubeconfig-out and a read-only one beside it (…-viewer.kubeconfig). Both trust the CA the twin',
    'generates at start. Stop with Ctrl-C (SIGINT) or SIGTERM; the kubeconfigs are removed on exit.',
  ].join('\n'),
  options: {
    profile: { type: 'string', description: "serve a flight profile's vehicle: its nodes with their stage, bus and role labels", valueName: 'P' },
    nodes: { type: 'string', description: 'number of plain worker nodes (default 3; not with --profile)', valueName: 'N' },
    static: { type: 'boolean', description: 'static, always-Ready nodes: no kubelets, scheduler or controllers' },
    port: { type: 'string', description: 'port to listen on (default 6443; 0 picks a free port)', valueName: 'N' },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1)', valueName: 'ADDR' },
    speed: { type: 'string', description: "scale the twin's clock: 10 runs ten times faster than real time (default 1)", valueName: 'X' },
    'kubeconfig-out': { type: 'string', description: 'where to write the admin kubeconfig (default .kis/twin.kubeconfig)', valueName: 'PATH' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  async run({ values }) {
    if (values.profile !== undefined && values.nodes !== undefined) throw new UsageError('give --profile or --nodes, not both');
    const count = intFlag(values.nodes, 'nodes', { min: 0, max: 100_000 }) ?? 3;
    const port = intFlag(values.port, 'port', { min: 0, max: 65535 }) ?? 6443;
    const speed = numberFlag(values.speed, 'speed', { min: 0, exclusiveMin: true, max: 1_000_000 }) ?? 1;
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    if (!host) throw new UsageError('--host must not be empty');
    let nodes = plainWorkers(count);
    let config: Partial<TwinConfig> | undefined;
    let description = `${count} plain worker node${count === 1 ? '' : 's'}`;
    if (typeof values.profile === 'string') {
      try {
        const profile = loadProfile(values.profile);
        nodes = vehicleNodes(profile);
        config = twinConfig(profile);
        description = `vehicle "${profile.vehicle.name}" from ${values.profile} (${nodes.length} nodes)`;
      } catch (e) {
        if (!(e instanceof ProfileLoadError)) throw e;
        console.error(formatErrors(e.errors));
        return 2;
      }
    }
    return runTwinSession({
      nodes,
      ...(values.static ? { static: true } : {}),
      ...(config ? { config } : {}),
      host,
      port,
      speed,
      kubeconfigOut: (values['kubeconfig-out'] as string | undefined) ?? '.kis/twin.kubeconfig',
      description,
    });
  },
};
