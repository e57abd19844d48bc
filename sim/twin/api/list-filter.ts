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

export function makeListFilter(res: ServedResource, query: ListQuery): ObjectFilter | undefined {
  const filters: ObjectFilter[] = [];
  if (query.labelSelector) {
    const sel = parseOrBadRequest(() => parseLabelSelector(query.labelSelector!));
    filters.push((o) => matchesLabels(sel, o.metadata.labels));
  }
  if (query.fieldSelector) {
    // Checks support and rewrites legacy names (pods: spec.host → spec.nodeName) as upstream does.
    const sel = parseOrBadRequest(() => convertFieldSelector(res.key, parseFieldSelector(query.fieldSelector!)));
    filters.push((o) => matchesFields(sel, selectableFields(res.key, o)));
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
