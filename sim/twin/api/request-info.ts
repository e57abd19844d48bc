// Parses a request path and method into what it asks for, as upstream's RequestInfoFactory does.
// upstream: k8s.io/apiserver/pkg/endpoints/request/requestinfo.go

export interface ResourceRequest {
  isResourceRequest: true;
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';
  group: string;
  version: string;
  /** Plural resource name from the path ("pods"). */
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

export interface NonResourceRequest {
  isResourceRequest: false;
  path: string;
  /** For /api, /apis, /api/v1, /apis/<group>, /apis/<group>/<version>: the discovery target. */
  discovery?: { group?: string; version?: string; legacy: boolean };
}

export type RequestInfo = ResourceRequest | NonResourceRequest;

function methodVerb(method: string, hasName: boolean, watch: boolean): ResourceRequest['verb'] | undefined {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : hasName ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

/** `watchParam` is the ?watch= query value. Returns undefined for an unsupported method. */
export function parseRequestInfo(method: string, path: string, watchParam: string | null): RequestInfo | undefined {
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let rest: string[];
  let group = '';
  let version: string;
  if (parts[0] === 'api') {
    if (parts.length <= 2) return { isResourceRequest: false, path, discovery: { legacy: true, version: parts[1] } };
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length <= 3) {
      return { isResourceRequest: false, path, discovery: { legacy: false, group: parts[1], version: parts[2] } };
    }
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return { isResourceRequest: false, path };
  }

  // Legacy watch paths: /api/v1/watch/namespaces/x/pods[/name]
  let watch = watchParam === 'true' || watchParam === '1';
  if (rest[0] === 'watch') {
    watch = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  // /namespaces/{ns}/{resource}… — but /namespaces/{name} and /namespaces/{name}/status are the namespace itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(group === '' && rest.length === 3 && rest[2] === 'status') && !(group === '' && rest.length === 3 && rest[2] === 'finalize')) {
    namespace = rest[1]!;
    rest = rest.slice(2);
  }
  const [resource = '', name = '', subresource = '', ...extra] = rest;
  if (extra.length > 0 || resource === '') return { isResourceRequest: false, path };
  const verb = methodVerb(method, name !== '', watch);
  if (!verb) return undefined;
  return { isResourceRequest: true, verb, group, version, resource, subresource, namespace, name };
}
