// Creates and removes whole objects (a run's namespace, PriorityClasses, workloads) through client-node's
// generic object API, which finds each kind's resource through discovery.
import * as k8s from '@kubernetes/client-node';
import { toClusterError } from './errors.ts';
import { KeepAliveClients } from './keep-alive.ts';

export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

export class ManifestClient {
  private readonly api: k8s.KubernetesObjectApi;
  private readonly clients: KeepAliveClients;

  constructor(kc: k8s.KubeConfig) {
    // Pooled connections (keep-alive.ts): a fresh TLS handshake per object made a run's set-up ~2x slower.
    this.clients = new KeepAliveClients(kc);
    this.api = this.clients.make(k8s.KubernetesObjectApi);
    // As KubernetesObjectApi.makeApiClient does: an object without a namespace goes to the context's.
    (this.api as unknown as { setDefaultNamespace(kc: k8s.KubeConfig): void }).setDefaultNamespace(kc);
  }

  /** Closes idle pooled connections. */
  close(): void {
    this.clients.close();
  }

  /** Creates each object in order; one that already exists is left as it is. */
  async createAll(objects: readonly ManifestObject[]): Promise<void> {
    for (const obj of objects) {
      try {
        await this.api.create(obj);
      } catch (e) {
        const err = toClusterError(e, `create ${obj.kind} ${obj.metadata.name}`);
        if (!err.alreadyExists) throw err;
      }
    }
  }

  /** Deletes each object (already gone is success); a namespace takes its contents with it. */
  async deleteAll(objects: readonly ManifestObject[]): Promise<void> {
    for (const obj of objects) {
      try {
        await this.api.delete(obj);
      } catch (e) {
        const err = toClusterError(e, `delete ${obj.kind} ${obj.metadata.name}`);
        if (!err.notFound) throw err;
      }
    }
  }

  /** `status` of one object, or undefined when it does not exist. */
  async status(obj: Pick<ManifestObject, 'apiVersion' | 'kind' | 'metadata'>): Promise<Record<string, unknown> | undefined> {
    try {
      const got = await this.api.read({ apiVersion: obj.apiVersion, kind: obj.kind, metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace ?? '' } });
      return ((got as { status?: Record<string, unknown> }).status ?? {}) as Record<string, unknown>;
    } catch (e) {
      const err = toClusterError(e, `read ${obj.kind} ${obj.metadata.name}`);
      if (err.notFound) return undefined;
      throw err;
    }
  }
}
