// The embedded digital twin: object store + registry + HTTPS API server + bootstrap objects + nodes.
import { randomBytes } from 'node:crypto';
import { SeededRandom, uuidFrom, type Clock } from '../core/index.ts';
import { ControllerManager, DEFAULT_TWIN_CONFIG, RegistryEventRecorder, type ControllerFactory, type TwinConfig } from './controllers/index.ts';
import { Registry, startApiServer, resourceByKey, type ApiServer, type TokenTable } from './api/index.ts';
import { bootstrapCluster } from './bootstrap.ts';
import { kubeconfigJson, kubeconfigYaml } from './kubeconfig.ts';
import { nodeObject, type NodeSpec } from './nodes.ts';
import { ObjectStore } from './store/index.ts';
import { createPki, type Pki } from './tls/index.ts';

export interface TwinOptions {
  clock: Clock;
  /** Wall-clock "now" for certificate validity (clients check certificates against real time). */
  wallNow: Date;
  host?: string;
  port?: number;
  nodes?: readonly NodeSpec[];
  tokens?: TokenTable;
  /** Generator for object uids (a seeded one makes lockstep runs reproducible). */
  uid?: () => string;
  historyLimit?: number;
  onInternalError?: (err: unknown) => void;
  /**
   * Bring the cluster alive: run these controllers (kubelets register the nodes themselves, so `nodes` are
   * then not registered statically). Without it, nodes are static and Ready and nothing reconciles.
   */
  controllers?: readonly ControllerFactory[];
  /** Knobs for the controllers and admission (upstream defaults where unset); `seed` makes runs reproducible. */
  config?: Partial<TwinConfig>;
  /** Obtains the serving certificates for these hosts (e.g. from a cache); `mint` makes a new set. Default: mint. */
  certificates?: (hosts: readonly string[], mint: () => Promise<Pki>) => Promise<Pki>;
}

export interface Twin {
  url: string;
  port: number;
  store: ObjectStore;
  registry: Registry;
  pki: Pki;
  tokens: TokenTable;
  /** A kubeconfig for the role; 'json' (YAML too) for a client in this process, skipping the YAML printer. */
  kubeconfig(role: 'admin' | 'viewer', format?: 'yaml' | 'json'): string;
  close(): Promise<void>;
  server: ApiServer;
  config: TwinConfig;
  /** Running controllers (empty for a static twin). */
  controllers: ControllerManager;
}

export async function startTwin(opts: TwinOptions): Promise<Twin> {
  const host = opts.host ?? '127.0.0.1';
  const config: TwinConfig = { ...DEFAULT_TWIN_CONFIG, ...opts.config };
  const random = new SeededRandom(config.seed);
  const uids = random.fork('uid');
  const names = random.fork('names');
  const store = new ObjectStore({
    clock: opts.clock,
    uid: opts.uid ?? (() => uuidFrom(uids)),
    random: () => names.next(),
    ...(opts.historyLimit ? { historyLimit: opts.historyLimit } : {}),
  });
  const tolerationSeconds = config.defaultTolerationSeconds;
  const registry = new Registry({
    store,
    clock: opts.clock,
    admission: { notReadyTolerationSeconds: tolerationSeconds, unreachableTolerationSeconds: tolerationSeconds },
  });
  bootstrapCluster(registry);
  const report = opts.onInternalError ?? (() => undefined);
  const controllers = new ControllerManager({
    registry,
    store,
    clock: opts.clock,
    random,
    config,
    events: new RegistryEventRecorder(registry, opts.clock, report),
    onError: (where, err) => report(new Error(`${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err })),
  });
  if (opts.controllers) controllers.start(opts.controllers);
  else registerNodes(registry, opts.nodes ?? []);

  const hosts = ['127.0.0.1', 'localhost', ...(host !== '127.0.0.1' && host !== '0.0.0.0' ? [host] : [])];
  const mint = () => createPki({ hosts, notBefore: opts.wallNow });
  const pki = await (opts.certificates ? opts.certificates(hosts, mint) : mint());
  const tokens = opts.tokens ?? { admin: randomBytes(24).toString('hex'), viewer: randomBytes(24).toString('hex') };
  const server = await startApiServer({
    registry,
    clock: opts.clock,
    tokens,
    tls: pki,
    host,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.onInternalError ? { onInternalError: opts.onInternalError } : {}),
  });
  return {
    url: server.url,
    port: server.port,
    store,
    registry,
    pki,
    tokens,
    server,
    config,
    controllers,
    kubeconfig: (role, format = 'yaml') =>
      (format === 'json' ? kubeconfigJson : kubeconfigYaml)({
        server: server.url,
        caCertPem: pki.caCertPem,
        token: role === 'admin' ? tokens.admin : tokens.viewer,
        user: role === 'admin' ? 'kis-admin' : 'kis-viewer',
      }),
    close: async () => {
      controllers.stop();
      await server.close();
    },
  };
}

export function registerNodes(registry: Registry, nodes: readonly NodeSpec[]): void {
  const now = new Date(registry.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const nodesRes = resourceByKey('nodes')!;
  nodes.forEach((spec, i) => registry.create(nodesRes, '', nodeObject(spec, i, now)));
}
