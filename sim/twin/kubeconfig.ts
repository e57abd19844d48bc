// Writes kubeconfig files for the twin: an admin one and a read-only viewer one that trust the twin's CA.
import { stringify } from 'yaml';

export interface KubeconfigInput {
  server: string;
  caCertPem: string;
  token: string;
  user: string;
  contextName?: string;
  namespace?: string;
}

export function kubeconfigYaml(input: KubeconfigInput): string {
  return stringify(kubeconfigObject(input));
}

/** The same kubeconfig as JSON (a YAML document too): for a client in this process, which need not pay the YAML printer. */
export function kubeconfigJson(input: KubeconfigInput): string {
  return JSON.stringify(kubeconfigObject(input));
}

function kubeconfigObject(input: KubeconfigInput): Record<string, unknown> {
  const context = input.contextName ?? 'kis-twin';
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: context, cluster: { server: input.server, 'certificate-authority-data': Buffer.from(input.caCertPem).toString('base64') } },
    ],
    users: [{ name: input.user, user: { token: input.token } }],
    contexts: [{ name: context, context: { cluster: context, user: input.user, namespace: input.namespace ?? 'default' } }],
    'current-context': context,
    preferences: {},
  };
}

/** The viewer kubeconfig's path beside the admin one: twin.kubeconfig → twin-viewer.kubeconfig. */
export function viewerPath(adminPath: string): string {
  return /\.kubeconfig$/.test(adminPath) ? adminPath.replace(/\.kubeconfig$/, '-viewer.kubeconfig') : `${adminPath}-viewer.kubeconfig`;
}
