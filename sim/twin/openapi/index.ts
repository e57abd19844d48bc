// OpenAPI v3 (and v2) documents for the twin's API server, built from kubernetes-models' schemas, so that
// kubectl apply with default --validate=strict trusts the server to validate fields.
export type { ServedResource } from './served-resource.ts';
export { groupVersionPath } from './served-resource.ts';
export type { GroupVersionKind, JsonSchema } from './json-schema.ts';
export type { GroupVersionDocument, OpenApiV3Root } from './document-v3.ts';
export { openApiV3Root, openApiV3Document, openApiV3Hash, openApiBytes } from './document-v3.ts';
export { openApiV2 } from './document-v2.ts';
export { kindSchema, schemaByDefinition } from './lookup.ts';
