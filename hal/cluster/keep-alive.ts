// API clients whose HTTPS connections are kept alive and reused. client-node 1.x builds a fresh
// https.Agent for every request (KubeConfig.applySecurityAuthentication → createAgent), so each call
// paid a TCP and TLS handshake — most of the HAL's frame → API latency. One pooled agent per
// TLS identity fixes that without changing how the kubeconfig authenticates.
// upstream: client-go shares one http.Transport per rest.Config (k8s.io/client-go/transport/cache.go),
// keep-alive on, so every clientset built from a config reuses its connections.
import type { Agent as HttpAgent } from 'node:http';
import { Agent } from 'node:https';
import * as k8s from '@kubernetes/client-node';

type ApiType<T> = new (config: k8s.Configuration) => T;

/** The TLS settings that make two agents interchangeable (the rest of a request lives in its headers). */
const IDENTITY = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

export class KeepAliveClients {
  private readonly kc: k8s.KubeConfig;
  private readonly agents = new Map<string, Agent>();

  constructor(kc: k8s.KubeConfig) {
    this.kc = kc;
  }

  /** As KubeConfig.makeApiClient, with pooled connections. */
  make<T>(api: ApiType<T>): T {
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error('kubeconfig: the current context names no cluster');
    const auth: k8s.SecurityAuthentication = {
      getName: () => 'kis-keep-alive',
      applySecurityAuthentication: async (context) => {
        await this.kc.applySecurityAuthentication(context);
        const agent = this.pooled(context.getAgent());
        if (agent) context.setAgent(agent);
      },
    };
    return new api(k8s.createConfiguration({ baseServer: new k8s.ServerConfiguration(cluster.server, {}), authMethods: { default: auth } }));
  }

  /** Closes idle pooled connections (requests in flight finish). */
  close(): void {
    for (const a of this.agents.values()) a.destroy();
    this.agents.clear();
  }

  /**
   * Swaps client-node's one-shot agent for the pooled one with the same TLS identity. Proxy agents
   * (socks, hpagent) and plain http are left alone: they are not https.Agent itself.
   */
  pooled(fresh: HttpAgent | Agent | undefined): HttpAgent | Agent | undefined {
    if (!(fresh instanceof Agent) || fresh.constructor !== Agent) return fresh;
    const options = (fresh as Agent & { options: Record<string, unknown> }).options;
    const id = IDENTITY.map((k) => String(options[k] ?? '')).join('\u0000');
    let agent = this.agents.get(id);
    if (!agent) {
      const tls = Object.fromEntries(IDENTITY.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
      // noDelay: a 300-byte PATCH must not sit in Nagle's buffer waiting for the previous ACK.
      agent = new Agent({ ...tls, keepAlive: true, noDelay: true, maxSockets: 16 });
      this.agents.set(id, agent);
    }
    fresh.destroy();
    return agent;
  }
}
