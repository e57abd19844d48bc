// Legacy discovery documents (/api, /apis, /api/v1, /apis/<g>, /apis/<g>/<v>) and /version.
// kubectl asks for aggregated discovery first and falls back to these when answered with plain JSON.
// upstream: k8s.io/apimachinery/pkg/apis/meta/v1 types APIVersions, APIGroupList, APIResourceList
import { createHash } from 'node:crypto';
import { RESOURCES, servedGroups, groupVersion, type ServedResource } from './resources.ts';

export const KUBERNETES_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0-kis' };

export function versionInfo(): Record<string, string> {
  return {
    ...KUBERNETES_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string, versions: string[]): unknown {
  const gvs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: gvs, preferredVersion: gvs[0] };
}

export function apiGroupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: servedGroups()
      .filter((g) => g.group !== '')
      .map((g) => apiGroup(g.group, g.versions)),
  };
}

export function apiGroupDoc(group: string): unknown | undefined {
  const g = servedGroups().find((x) => x.group === group && group !== '');
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...(apiGroup(g.group, g.versions) as object) } : undefined;
}

function storageVersionHash(res: ServedResource): string {
  return createHash('sha256').update(`${groupVersion(res)}/${res.kind}`).digest('base64').slice(0, 11);
}

export function apiResourceList(group: string, version: string): unknown | undefined {
  const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  const entries: unknown[] = [];
  for (const res of resources) {
    entries.push({
      name: res.plural,
      singularName: res.singular,
      namespaced: res.namespaced,
      kind: res.kind,
      verbs: res.verbs,
      ...(res.shortNames.length ? { shortNames: res.shortNames } : {}),
      ...(res.categories ? { categories: res.categories } : {}),
      storageVersionHash: storageVersionHash(res),
    });
    for (const [sub, def] of Object.entries(res.subresources)) {
      entries.push({
        name: `${res.plural}/${sub}`,
        singularName: '',
        namespaced: res.namespaced,
        ...(def.group !== undefined ? { group: def.group, version: def.version } : {}),
        kind: def.kind,
        verbs: def.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources: entries };
}
