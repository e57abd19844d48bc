// PATCH for the twin's API server: JSON merge patch, JSON patch and strategic merge patch, with upstream's errors.
export { PatchError } from './errors.ts';
export { applyMergePatch } from './merge-patch.ts';
export { applyJsonPatch } from './json-patch.ts';
export { applyStrategicMergePatch, applyStrategicMergePatchWithSchema } from './strategic-merge.ts';
export { patchSchemas, patchSchemaFor, type PatchField, type PatchSchema } from './patch-meta.ts';
