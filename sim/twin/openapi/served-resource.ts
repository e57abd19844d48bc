// What the API server serves, as the openapi module needs to know it (one entry per resource, subresources inline).

export interface ServedResource {
  group: string;
  version: string;
  kind: string;
  /** The resource name in URLs ("pods", "deployments"). */
  plural: string;
  namespaced: boolean;
  /** Discovery verbs: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: string[];
  /** e.g. ["status", "eviction", "binding", "scale", "log"]; others are ignored. */
  subresources: string[];
}

/** "api/v1" for the core group, "apis/<group>/<version>" otherwise — the key of the /openapi/v3 root. */
export function groupVersionPath(r: Pick<ServedResource, 'group' | 'version'>): string {
  return r.group === '' ? `api/${r.version}` : `apis/${r.group}/${r.version}`;
}
