// `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR).
// upstream: pkg/printers/internalversion/printers.go printService, getServiceExternalIP,
// loadBalancerStatusStringer, makePortString.

import { AGE_COLUMN, NAME_COLUMN, ageOf, column, nameOf, wide } from './columns.ts';
import { int, list, rec, str, type JsonRecord } from './json.ts';
import { formatLabels } from './labels.ts';
import type { ResourcePrinter } from './types.ts';

/**
 * Sorted unique ingress IPs/hostnames. The apiserver prints with Wide=true, so the 16-byte
 * clipping upstream applies for narrow output never happens server-side.
 */
function loadBalancerStatus(status: JsonRecord): string {
  const seen = new Set<string>();
  for (const ing of list(rec(status.loadBalancer).ingress).map(rec)) {
    const v = str(ing.ip) || str(ing.hostname);
    if (v !== '') seen.add(v);
  }
  return [...seen].sort().join(',');
}

function externalIP(type: string, spec: JsonRecord, status: JsonRecord): string {
  const externalIPs = list(spec.externalIPs).map((v) => str(v));
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(status);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

function portString(ports: unknown): string {
  return list(ports).map(rec).map((p) => {
    // core/v1 defaulting: an unset protocol is TCP.
    const protocol = str(p.protocol, 'TCP');
    const nodePort = int(p.nodePort);
    return nodePort > 0 ? `${int(p.port)}:${nodePort}/${protocol}` : `${int(p.port)}/${protocol}`;
  }).join(',');
}

export const servicePrinter: ResourcePrinter = {
  apiVersion: 'v1',
  kind: 'Service',
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP.'),
    column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    AGE_COLUMN,
    wide('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.'),
  ],
  print(obj, now) {
    const spec = rec(obj.spec);
    const type = str(spec.type, 'ClusterIP');
    // v1 → internal conversion fills clusterIPs from clusterIP when only the latter is set.
    const clusterIPs = list(spec.clusterIPs).map((v) => str(v));
    const clusterIP = clusterIPs.length > 0 ? clusterIPs[0]! : str(spec.clusterIP) || '<none>';
    return {
      cells: [
        nameOf(obj), type, clusterIP, externalIP(type, spec, rec(obj.status)),
        portString(spec.ports) || '<none>', ageOf(obj, now), formatLabels(spec.selector),
      ],
    };
  },
};
