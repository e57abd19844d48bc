// The resources the twin serves: one table that drives routing, discovery, OpenAPI and tables.
// Names, short names, verbs and subresources are upstream's (kubectl api-resources on a 1.32 cluster).

export interface ServedResource {
  group: string; // '' for core
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  categories?: string[];
  /** Subresources and the kind each one speaks. */
  subresources: Record<string, { kind: string; group?: string; version?: string; verbs: string[] }>;
  /** Store key: plural for core, plural.group otherwise (matches upstream's etcd prefix layout in spirit). */
  key: string;
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS = { kind: '', verbs: ['get', 'patch', 'update'] };

function r(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[],
  extra: Partial<Pick<ServedResource, 'verbs' | 'categories' | 'subresources'>> = {},
): ServedResource {
  const subresources = Object.fromEntries(
    Object.entries(extra.subresources ?? {}).map(([name, s]) => [name, { ...s, kind: s.kind || kind }]),
  );
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    shortNames,
    verbs: extra.verbs ?? ALL_VERBS,
    ...(extra.categories ? { categories: extra.categories } : {}),
    subresources,
    key: group ? `${plural}.${group}` : plural,
  };
}

const SCALE = { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };

export const RESOURCES: readonly ServedResource[] = [
  r('', 'v1', 'Namespace', 'namespaces', false, ['ns'], {
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: { status: STATUS, finalize: { kind: '', verbs: ['update'] } },
  }),
  r('', 'v1', 'Node', 'nodes', false, ['no'], { subresources: { status: STATUS } }),
  r('', 'v1', 'Pod', 'pods', true, ['po'], {
    categories: ['all'],
    subresources: {
      status: STATUS,
      eviction: { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      binding: { kind: 'Binding', verbs: ['create'] },
    },
  }),
  r('', 'v1', 'Event', 'events', true, ['ev']),
  r('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  r('', 'v1', 'Service', 'services', true, ['svc'], {
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: { status: STATUS },
  }),
  r('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  r('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], {
    categories: ['all'],
    subresources: { status: STATUS, scale: SCALE },
  }),
  r('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], {
    categories: ['all'],
    subresources: { status: STATUS, scale: SCALE },
  }),
  r('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], {
    categories: ['all'],
    subresources: { status: STATUS, scale: SCALE },
  }),
  r('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], { categories: ['all'], subresources: { status: STATUS } }),
  r('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb'], { subresources: { status: STATUS } }),
  r('coordination.k8s.io', 'v1', 'Lease', 'leases', true, []),
  r('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, ['pc']),
];

export function groupVersion(res: Pick<ServedResource, 'group' | 'version'>): string {
  return res.group ? `${res.group}/${res.version}` : res.version;
}

/** Looks a resource up by group, version and plural name (as in a URL path). */
export function findResource(group: string, version: string, plural: string): ServedResource | undefined {
  return BY_PATH.get(`${group}/${version}/${plural}`);
}

/** Looks a resource up by its store key ("pods", "deployments.apps"). */
export function resourceByKey(key: string): ServedResource | undefined {
  return BY_KEY.get(key);
}

export function resourceForKind(apiVersion: string, kind: string): ServedResource | undefined {
  return RESOURCES.find((res) => groupVersion(res) === apiVersion && res.kind === kind);
}

/** Group/versions served, in discovery order (core first, then groups as listed). */
export function servedGroups(): { group: string; versions: string[] }[] {
  const groups: { group: string; versions: string[] }[] = [];
  for (const res of RESOURCES) {
    let g = groups.find((x) => x.group === res.group);
    if (!g) groups.push((g = { group: res.group, versions: [] }));
    if (!g.versions.includes(res.version)) g.versions.push(res.version);
  }
  return groups;
}

const BY_PATH = new Map(RESOURCES.map((res) => [`${res.group}/${res.version}/${res.plural}`, res]));
const BY_KEY = new Map(RESOURCES.map((res) => [res.key, res]));
