// Public surface: decode Kubernetes protobuf request bodies (kubectl's typed clients) into plain JSON objects.
export { PROTOBUF_CONTENT_TYPE, decodeKubernetesProtobuf, type DecodeDefaults } from './envelope.ts';
export { ProtobufDecodeError } from './errors.ts';
export { DESCRIPTORS } from './descriptors.ts';
export type { DescriptorTable, FieldDescriptor, FieldKind } from './descriptor-types.ts';
