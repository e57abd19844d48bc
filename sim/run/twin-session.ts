// Serves the embedded twin until interrupted: writes the admin and viewer kubeconfigs, prints how to use
// them, and on SIGINT/SIGTERM closes the server and removes the kubeconfigs (their tokens die with it).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RealClock, ScaledClock, type Clock } from '../core/index.ts';
import { waitForStop } from './wait-for-stop.ts';
import { simulationControllers, startTwin, viewerPath, type NodeSpec, type Twin, type TwinConfig } from '../twin/index.ts';

export interface TwinSessionOptions {
  nodes: readonly NodeSpec[];
  host: string;
  port: number;
  speed: number;
  kubeconfigOut: string;
  /** Describes the cluster in the banner ("3 plain worker nodes", "vehicle falcon9 from …"). */
  description: string;
  log?: (line: string) => void;
  /** Serve static, always-Ready nodes with nothing reconciling (no kubelets, scheduler or controllers). */
  static?: boolean;
  /** The twin's knobs (a profile's cluster settings); upstream defaults otherwise. */
  config?: Partial<TwinConfig>;
  /** When the port is taken, use a free one instead of failing (for `npm start`). */
  portFallback?: boolean;
  /** Resolves when the session should end (default: SIGINT or SIGTERM). */
  until?: Promise<unknown>;
}

export async function runTwinSession(opts: TwinSessionOptions): Promise<number> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const clock: Clock = opts.speed === 1 ? new RealClock() : new ScaledClock(opts.speed);
  let twin: Twin;
  const start = (port: number) =>
    startTwin({
      clock,
      wallNow: new Date(),
      host: opts.host,
      port,
      nodes: opts.nodes,
      ...(opts.static ? {} : { controllers: simulationControllers(opts.nodes) }),
      ...(opts.config ? { config: opts.config } : {}),
      onInternalError: (e) => console.error('kis twin: internal error:', e),
    });
  try {
    twin = await start(opts.port);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' && opts.portFallback) {
      log(`kis twin: port ${opts.port} is in use; using a free port instead`);
      twin = await start(0);
    } else if (err.code === 'EADDRINUSE') {
      console.error(`kis twin: port ${opts.port} on ${opts.host} is already in use; pick another with --port (0 chooses a free one)`);
      return 2;
    } else {
      throw e;
    }
  }
  const adminPath = resolve(opts.kubeconfigOut);
  const viewer = viewerPath(adminPath);
  await mkdir(dirname(adminPath), { recursive: true });
  await writeFile(adminPath, twin.kubeconfig('admin'), { mode: 0o600 });
  await writeFile(viewer, twin.kubeconfig('viewer'), { mode: 0o600 });

  log(`kis twin: serving ${opts.description} at ${twin.url}${opts.speed !== 1 ? ` (clock ×${opts.speed})` : ''}`);
  log(opts.static ? '  static nodes: nothing schedules or runs pods' : '  simulated kubelets, scheduler and controllers are running');
  log(`  admin kubeconfig:     ${adminPath}`);
  log(`  read-only kubeconfig: ${viewer}`);
  log('');
  log('Try:');
  log(`  export KUBECONFIG=${adminPath}`);
  log('  kubectl get nodes -o wide');
  log('  kubectl create deployment web --image=registry.k8s.io/pause:3.10 --replicas=3');
  log('  kubectl get pods -A -w');
  log(`  KUBECONFIG=${viewer} kubectl delete node ${opts.nodes[0]?.name ?? 'worker-1'}   # refused: read-only`);
  log('');
  log('Press Ctrl-C to stop.');

  const signal = await (opts.until ?? waitForStop());
  await twin.close();
  await rm(adminPath, { force: true });
  await rm(viewer, { force: true });
  log(`kis twin: stopped${typeof signal === 'string' ? ` (${signal})` : ''}; kubeconfigs removed`);
  return 0;
}
