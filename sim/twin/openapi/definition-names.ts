// Maps kubernetes-models module names ("IoK8sApiAppsV1Deployment") to upstream definition names
// ("io.k8s.api.apps.v1.Deployment") and group-version-kinds to modules.

// Package prefixes that do not follow the io.k8s.api.<group>.<version> pattern.
const SPECIAL_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['IoK8sApimachineryPkgApisMetaV1', 'io.k8s.apimachinery.pkg.apis.meta.v1'],
  ['IoK8sApimachineryPkgApiResource', 'io.k8s.apimachinery.pkg.api.resource'],
  ['IoK8sApimachineryPkgUtilIntstr', 'io.k8s.apimachinery.pkg.util.intstr'],
  ['IoK8sApimachineryPkgRuntime', 'io.k8s.apimachinery.pkg.runtime'],
  ['IoK8sApimachineryPkgVersion', 'io.k8s.apimachinery.pkg.version'],
];
const VERSIONED = /^(IoK8sApiextensionsApiserverPkgApisApiextensions|IoK8sKubeAggregatorPkgApisApiregistration|IoK8sApi([A-Z][a-z]+))(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/;

/** "IoK8sApiAppsV1Deployment" → "io.k8s.api.apps.v1.Deployment" (upstream's definition name). */
export function definitionName(module: string): string {
  for (const [prefix, pkg] of SPECIAL_PREFIXES) {
    if (module.startsWith(prefix)) return `${pkg}.${module.slice(prefix.length)}`;
  }
  const m = VERSIONED.exec(module);
  if (m === null) throw new Error(`cannot name kubernetes-models module ${module}`);
  const version = m[3]!.toLowerCase();
  const pkg =
    m[1] === 'IoK8sApiextensionsApiserverPkgApisApiextensions'
      ? 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions'
      : m[1] === 'IoK8sKubeAggregatorPkgApisApiregistration'
        ? 'io.k8s.kube-aggregator.pkg.apis.apiregistration'
        : `io.k8s.api.${m[2]!.toLowerCase()}`;
  return `${pkg}.${version}.${m[4]!}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The kubernetes-models module holding the schema of a kind: ("apps", "v1", "Deployment") → "IoK8sApiAppsV1Deployment". */
export function kindModule(group: string, version: string, kind: string): string {
  const v = capitalize(version);
  if (group === 'apiextensions.k8s.io') return `IoK8sApiextensionsApiserverPkgApisApiextensions${v}${kind}`;
  if (group === 'apiregistration.k8s.io') return `IoK8sKubeAggregatorPkgApisApiregistration${v}${kind}`;
  if (group === 'internal.apiserver.k8s.io') return `IoK8sApiApiserverinternal${v}${kind}`;
  // upstream: the Go package is the group's first DNS label ("scheduling.k8s.io" → k8s.io/api/scheduling).
  const pkg = group === '' ? 'core' : group.split('.')[0]!;
  return `IoK8sApi${capitalize(pkg)}${v}${kind}`;
}

/** The OpenAPI tag and operationId infix upstream uses for a group-version ("apps","v1" → "AppsV1", "" → "CoreV1"). */
export function groupVersionInfix(group: string, version: string): string {
  // upstream: k8s.io/apiserver/pkg/endpoints/openapi — friendly group name, dots removed, each part capitalised.
  const g = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  return g.split('.').map(capitalize).join('') + capitalize(version);
}

/** The OpenAPI tag upstream gives a group-version's operations ("core_v1", "apps_v1", "rbacAuthorization_v1"). */
export function groupVersionTag(group: string, version: string): string {
  const infix = groupVersionInfix(group, version);
  const name = infix.slice(0, infix.length - version.length);
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}_${version}`;
}
