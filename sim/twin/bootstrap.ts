// What every fresh cluster has before anyone touches it: system namespaces, the system PriorityClasses,
// default ServiceAccounts and the `kubernetes` Service. upstream: kube-apiserver's bootstrap controllers.
import { SYSTEM_PRIORITY_CLASSES, type Registry, resourceByKey } from './api/index.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function bootstrapCluster(reg: Registry): void {
  const res = (key: string) => resourceByKey(key)!;
  for (const name of SYSTEM_NAMESPACES) {
    reg.create(res('namespaces'), '', { metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } });
    reg.create(res('serviceaccounts'), name, { metadata: { name: 'default' } });
  }
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    reg.create(res('priorityclasses.scheduling.k8s.io'), '', {
      metadata: { name: pc.name },
      value: pc.value,
      globalDefault: false,
      description: pc.description,
    });
  }
  reg.create(res('services'), 'default', {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }] },
  });
}
