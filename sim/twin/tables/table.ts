// Builds the meta.k8s.io/v1 Table the apiserver returns for `Accept: ...;as=Table;...`.
// upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go asTable,
// pkg/printers/tablegenerator.go GenerateTable, pkg/printers/storage TableConvertor (Wide: true),
// staging/src/k8s.io/apiserver/pkg/registry/rest/table.go defaultTableConvertor.

import { CREATED_DOC, NAME_COLUMN, column, nameOf } from './columns.ts';
import { formatRFC3339 } from './duration.ts';
import { rec, type JsonRecord } from './json.ts';
import { printerFor } from './registry.ts';
import type { IncludeObject, KubeObjectLike, PrintedRow, ResourcePrinter, Table, TableRow } from './types.ts';

export interface ToTableOptions {
  /** The clock's ms, for AGE-style cells. */
  now: number;
  /** ?includeObject=; upstream's default is Metadata. */
  includeObject?: IncludeObject;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
  /** ?noHeaders=true, and every watch event after the first: columnDefinitions are left empty. */
  noHeaders?: boolean;
}

/** upstream: rest.defaultTableConvertor — NAME and CREATED AT (an RFC 3339 date). */
const defaultPrinter: ResourcePrinter = {
  apiVersion: '',
  kind: '',
  columns: [NAME_COLUMN, column('Created At', 'date', CREATED_DOC)],
  print: (obj) => ({ cells: [nameOf(obj), formatRFC3339(rec(obj.metadata).creationTimestamp)] }),
};

/**
 * Every resource converts to a Table: those without a printer get upstream's default
 * convertor. Only names that cannot be a resource (empty, or a subresource path) are refused.
 */
export function supportsTable(resource: string): boolean {
  return resource !== '' && !resource.includes('/');
}

/** True when the resource has its own columns rather than the default Name/Created At. */
export function hasPrinter(resource: string): boolean {
  return printerFor(resource) !== undefined;
}

/** The Table for `objects` of `resource` (plural with group: "pods", "deployments.apps"). */
export function toTable(resource: string, objects: readonly KubeObjectLike[], opts: ToTableOptions): Table {
  const printer = printerFor(resource) ?? defaultPrinter;
  const include = opts.includeObject ?? 'Metadata';
  const rows = objects.map((obj) => {
    const record = rec(obj);
    return toRow(printer.print(record, opts.now), embeddedObject(record, printer, include));
  });
  const metadata: Table['metadata'] = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    // The apiserver always generates wide output; kubectl hides priority>0 columns itself.
    columnDefinitions: opts.noHeaders ? [] : printer.columns.map((c) => ({ ...c })),
    rows,
  };
}

function toRow(printed: PrintedRow, object: unknown): TableRow {
  const row: TableRow = { cells: printed.cells };
  if (printed.conditions) row.conditions = printed.conditions.map((c) => ({ ...c }));
  if (object !== undefined) row.object = object;
  return row;
}

/** upstream: asTable's switch on opts.IncludeObject. */
function embeddedObject(obj: JsonRecord, printer: ResourcePrinter, include: IncludeObject): unknown {
  switch (include) {
    case 'None':
      return undefined;
    case 'Object':
      // Encoded objects always carry their type; fill it for stores that keep it implicit.
      return {
        ...obj,
        apiVersion: obj.apiVersion ?? (printer.apiVersion || undefined),
        kind: obj.kind ?? (printer.kind || undefined),
      };
    case 'Metadata':
    default:
      return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { ...rec(obj.metadata) } };
  }
}
