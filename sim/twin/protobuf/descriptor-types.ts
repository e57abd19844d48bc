// Shapes of the compact message-descriptor table that gen/generate.ts writes into descriptors.ts.

/** 0 = singular, 1 = repeated, 2 = map, 3 = embedded struct whose JSON fields are inlined into the parent. */
export type FieldKind = 0 | 1 | 2 | 3;

/**
 * One field: [number, JSON name, kind, type, map key type].
 * `type` is a scalar (`string`, `int32`, `int64`, `bool`, `bytes`, …) or a fully qualified message name;
 * for maps it is the value type and the fifth entry is the key type.
 */
export type FieldDescriptor = readonly [number, string, FieldKind, string, string?];

export interface DescriptorTable {
  /** Fully qualified message name (`k8s.io.api.core.v1.Pod`) → its fields. */
  readonly messages: Readonly<Record<string, readonly FieldDescriptor[]>>;
  /** `apiVersion/kind` (`v1/Pod`, `apps/v1/Deployment`; `*` /kind for options served in every group) → message. */
  readonly kinds: Readonly<Record<string, string>>;
}

export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'string', 'bytes', 'bool',
  'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'float', 'double',
]);
