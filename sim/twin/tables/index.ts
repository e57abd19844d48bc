// Server-side Table output for `kubectl get` and `get -w`: upstream's printers, ported as pure functions.

export { toTable, supportsTable, hasPrinter, type ToTableOptions } from './table.ts';
export { printedResources } from './registry.ts';
export { humanDuration, translateTimestampSince } from './duration.ts';
export type {
  IncludeObject,
  KubeObjectLike,
  Table,
  TableColumnDefinition,
  TableRow,
  TableRowCondition,
} from './types.ts';
