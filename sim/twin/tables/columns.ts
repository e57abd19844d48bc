// Column-definition builders and the cells most printers share (NAME, AGE, CONTAINERS, IMAGES).
// Descriptions are upstream's: literal strings where printers.go has them, otherwise the
// opening of the field's swagger doc that printers.go points at.

import { translateTimestampSince } from './duration.ts';
import { list, rec, str, type JsonRecord } from './json.ts';
import type { TableColumnDefinition } from './types.ts';

export function column(
  name: string,
  type: string,
  description: string,
  opts: { format?: string; priority?: number } = {},
): TableColumnDefinition {
  return { name, type, format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** A priority-1 column: kubectl shows it only with `-o wide`. */
export function wide(name: string, type: string, description: string): TableColumnDefinition {
  return column(name, type, description, { priority: 1 });
}

// upstream: metav1.ObjectMeta{}.SwaggerDoc()["name"] and ["creationTimestamp"]
export const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some ' +
  'resources may allow a client to request the generation of an appropriate name automatically. ' +
  'Name is primarily intended for creation idempotence and configuration definition. Cannot be ' +
  'updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const CREATED_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. ' +
  'It is not guaranteed to be set in happens-before order across separate operations. Clients ' +
  'may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the ' +
  'system. Read-only. Null for lists. More info: ' +
  'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const NAME_COLUMN = column('Name', 'string', NAME_DOC, { format: 'name' });
export const AGE_COLUMN = column('Age', 'string', CREATED_DOC);
export const CONTAINERS_COLUMN = wide('Containers', 'string', 'Names of each container in the template.');
export const IMAGES_COLUMN = wide('Images', 'string', 'Images referenced by each container in the template.');

export function meta(obj: JsonRecord): JsonRecord {
  return rec(obj.metadata);
}

export function nameOf(obj: JsonRecord): string {
  return str(meta(obj).name);
}

export function ageOf(obj: JsonRecord, now: number): string {
  return translateTimestampSince(meta(obj).creationTimestamp, now);
}

/**
 * Container names and images, comma-joined, from a pod template.
 * upstream: pkg/printers/internalversion/printers.go layoutContainerCells
 */
export function layoutContainerCells(podTemplate: unknown): [names: string, images: string] {
  const containers = list(rec(rec(podTemplate).spec).containers).map(rec);
  return [
    containers.map((c) => str(c.name)).join(','),
    containers.map((c) => str(c.image)).join(','),
  ];
}

/**
 * apps/v1 defaulting: an unset spec.replicas means 1. Stored objects carry the default on a real
 * cluster; the twin's store may not, so the printer applies it.
 */
export function replicasOf(spec: JsonRecord): number {
  return typeof spec.replicas === 'number' ? Math.trunc(spec.replicas) : 1;
}
