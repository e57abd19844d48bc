// The meta.k8s.io/v1 Table wire types and the shape of one resource's printer.

import type { JsonRecord } from './json.ts';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: unknown[];
  object?: unknown;
  conditions?: unknown[];
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** ?includeObject= on a Table request; upstream defaults to Metadata. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** An object as the store holds it: plain JSON, apiVersion/kind possibly unset. */
export interface KubeObjectLike {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Cells (and row conditions) for one object. Cells cover every column, wide ones included. */
export interface PrintedRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
}

/** One resource's table: its columns, and how an object becomes a row. */
export interface ResourcePrinter {
  readonly apiVersion: string;
  readonly kind: string;
  readonly columns: readonly TableColumnDefinition[];
  print(obj: JsonRecord, now: number): PrintedRow;
}
