// Builds a client-node KubeConfig from a file and context, with errors that say what to fix.
import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';

export interface KubeConfigSource {
  /** A kubeconfig file; default: $KUBECONFIG or ~/.kube/config, as kubectl. */
  readonly path?: string;
  /** A context in it; default: its current-context. */
  readonly context?: string;
  /** Inline kubeconfig YAML (tests, the embedded twin). */
  readonly yaml?: string;
}

export class KubeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeConfigError';
  }
}

export function loadKubeConfig(source: KubeConfigSource = {}): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (source.yaml !== undefined) kc.loadFromString(source.yaml);
    else if (source.path !== undefined) {
      if (!existsSync(source.path)) throw new KubeConfigError(`kubeconfig ${source.path}: no such file`);
      kc.loadFromFile(source.path);
    } else kc.loadFromDefault();
  } catch (e) {
    if (e instanceof KubeConfigError) throw e;
    throw new KubeConfigError(`kubeconfig ${source.path ?? '(default)'}: cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (source.context !== undefined) {
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(source.context)) {
      throw new KubeConfigError(`kubeconfig ${source.path ?? '(default)'}: no context "${source.context}"; it has ${names.join(', ') || 'none'}`);
    }
    kc.setCurrentContext(source.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new KubeConfigError(`kubeconfig ${source.path ?? '(default)'}: the current context names no cluster; pass --context`);
  }
  return kc;
}
