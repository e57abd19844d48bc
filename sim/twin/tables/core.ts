// `kubectl get namespaces|configmaps|secrets|serviceaccounts` (core/v1).
// upstream: pkg/printers/internalversion/printers.go printNamespace, printConfigMap,
// printSecret, printServiceAccount and their column definitions.

import { AGE_COLUMN, NAME_COLUMN, ageOf, column, nameOf } from './columns.ts';
import { list, mapLen, rec, str } from './json.ts';
import type { ResourcePrinter } from './types.ts';

export const namespacePrinter: ResourcePrinter = {
  apiVersion: 'v1',
  kind: 'Namespace',
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  // The namespace strategy sets phase Active on create; default it for stores that do not.
  print: (obj, now) => ({ cells: [nameOf(obj), str(rec(obj.status).phase, 'Active'), ageOf(obj, now)] }),
};

export const configMapPrinter: ResourcePrinter = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  columns: [
    NAME_COLUMN,
    column('Data', 'string', "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'."),
    AGE_COLUMN,
  ],
  print: (obj, now) => ({ cells: [nameOf(obj), mapLen(obj.data) + mapLen(obj.binaryData), ageOf(obj, now)] }),
};

export const secretPrinter: ResourcePrinter = {
  apiVersion: 'v1',
  kind: 'Secret',
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    column('Data', 'string', "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'."),
    AGE_COLUMN,
  ],
  // core/v1 defaulting: an unset type is Opaque.
  print: (obj, now) => ({ cells: [nameOf(obj), str(obj.type, 'Opaque'), mapLen(obj.data), ageOf(obj, now)] }),
};

export const serviceAccountPrinter: ResourcePrinter = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  columns: [
    NAME_COLUMN,
    column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'),
    AGE_COLUMN,
  ],
  print: (obj, now) => ({ cells: [nameOf(obj), list(obj.secrets).length, ageOf(obj, now)] }),
};
