// Turns ?labelSelector= and ?fieldSelector= into one predicate over stored objects (400 on a bad selector).
import type { KubeObject } from '../store/index.ts';
import {
  convertFieldSelector,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  selectableFields,
} from '../selectors/index.ts';
import { errors } from './errors.ts';
import type { ServedResource } from './resources.ts';

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export type ObjectFilter = (o: KubeObject) => boolean;

/**
 * Field values per stored object. Stored objects are immutable (a write stores a new one), so the values are
 * computed once per object however often it is listed; the WeakMap lets them go with the object.
 */
const fieldsOf = new WeakMap<KubeObject, Record<string, string>>();

function cachedFields(resource: string, o: KubeObject): Record<string, string> {
  let f = fieldsOf.get(o);
  if (f === undefined) fieldsOf.set(o, (f = selectableFields(resource, o)));
  return f;
}

/** Fields the store indexes, per resource (the registry installs these indexes). */
export const INDEXED_FIELDS: Readonly<Record<string, { field: string; value: (o: KubeObject) => string | undefined }>> = {
  // upstream: pkg/registry/core/pod/strategy.go NodeNameIndexFunc.
  pods: { field: 'spec.nodeName', value: (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName },
};

/** The value a field selector requires of the resource's indexed field (`spec.nodeName=n1`), if any. */
export function pinnedIndexValue(res: ServedResource, query: ListQuery): string | undefined {
  const indexed = INDEXED_FIELDS[res.key];
  if (!indexed || !query.fieldSelector) return undefined;
  const sel = parseOrBadRequest(() => convertFieldSelector(res.key, parseFieldSelector(query.fieldSelector!)));
  const term = sel.terms.find((t) => t.field === indexed.field && t.operator === '=');
  // An empty value selects the unindexed objects (unscheduled pods): walk for those.
  return term && term.value !== '' ? term.value : undefined;
}

export function makeListFilter(res: ServedResource, query: ListQuery): ObjectFilter | undefined {
  const filters: ObjectFilter[] = [];
  if (query.labelSelector) {
    const sel = parseOrBadRequest(() => parseLabelSelector(query.labelSelector!));
    filters.push((o) => matchesLabels(sel, o.metadata.labels));
  }
  if (query.fieldSelector) {
    // Checks support and rewrites legacy names (pods: spec.host → spec.nodeName) as upstream does.
    const sel = parseOrBadRequest(() => convertFieldSelector(res.key, parseFieldSelector(query.fieldSelector!)));
    filters.push((o) => matchesFields(sel, cachedFields(res.key, o)));
  }
  if (filters.length === 0) return undefined;
  if (filters.length === 1) return filters[0];
  return (o) => filters.every((f) => f(o));
}

function parseOrBadRequest<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw errors.badRequest(e instanceof Error ? e.message : String(e));
  }
}
