// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE
// KERNEL-VERSION CONTAINER-RUNTIME). upstream: pkg/printers/internalversion/printers.go printNode.

import { AGE_COLUMN, NAME_COLUMN, ageOf, column, nameOf, meta, wide } from './columns.ts';
import { list, rec, str, stringMap, type JsonRecord } from './json.ts';
import type { PrintedRow, ResourcePrinter } from './types.ts';

const ADDRESSES_DOC = 'List of addresses reachable to the node. Queried from cloud provider, if available.';

const columns = [
  NAME_COLUMN,
  column('Status', 'string', 'The status of the node'),
  column('Roles', 'string', 'The roles of the node'),
  AGE_COLUMN,
  column('Version', 'string', 'Kubelet Version reported by the node.'),
  wide('Internal-IP', 'string', ADDRESSES_DOC),
  wide('External-IP', 'string', ADDRESSES_DOC),
  wide('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
  wide('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
  wide('Container-Runtime', 'string',
    'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
];

// upstream: labelNodeRolePrefix and nodeLabelRole in printers.go
const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** Sorted, de-duplicated roles. upstream: printers.go findNodeRoles */
export function findNodeRoles(labels: unknown): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(stringMap(labels))) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function nodeStatus(node: JsonRecord): string {
  // Only the Ready condition is shown; a later duplicate wins, as in upstream's conditionMap.
  let ready: string | undefined;
  for (const c of list(rec(node.status).conditions).map(rec)) {
    if (str(c.type) === 'Ready') ready = str(c.status) === 'True' ? 'Ready' : 'NotReady';
  }
  const parts = [ready ?? 'Unknown'];
  if (rec(node.spec).unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: JsonRecord, type: string): string {
  const found = list(rec(node.status).addresses).map(rec).find((a) => str(a.type) === type);
  return found === undefined ? '<none>' : str(found.address);
}

function printNode(node: JsonRecord, now: number): PrintedRow {
  const info = rec(rec(node.status).nodeInfo);
  const roles = findNodeRoles(meta(node).labels).join(',');
  return {
    cells: [
      nameOf(node),
      nodeStatus(node),
      roles || '<none>',
      ageOf(node, now),
      str(info.kubeletVersion),
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      str(info.osImage) || '<unknown>',
      str(info.kernelVersion) || '<unknown>',
      str(info.containerRuntimeVersion) || '<unknown>',
    ],
  };
}

export const nodePrinter: ResourcePrinter = { apiVersion: 'v1', kind: 'Node', columns, print: printNode };
