// ObjectMeta validation: name / generateName per kind, namespace scoping, labels and annotations.
// upstream: k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMeta, ValidateAnnotations;
// k8s.io/apimachinery/pkg/apis/meta/v1/validation ValidateLabels, ValidateLabelName.

import { child, forbidden, invalid, required, tooLong, type FieldCause } from './field-cause.ts';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, type NameValidator } from './names.ts';
import { isRecord, str } from './shape.ts';

// upstream: TotalAnnotationSizeLimitB = 256 KiB, keys and values together.
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

export function validateLabelName(name: string, path: string): FieldCause[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

export function validateLabels(labels: unknown, path: string): FieldCause[] {
  if (!isRecord(labels)) return [];
  const out: FieldCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    out.push(...validateLabelName(k, path));
    const value = typeof v === 'string' ? v : String(v);
    out.push(...isValidLabelValue(value).map((m) => invalid(path, value, m)));
  }
  return out;
}

export function validateAnnotations(annotations: unknown, path: string): FieldCause[] {
  if (!isRecord(annotations)) return [];
  const out: FieldCause[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    // upstream lower-cases annotation keys before checking them (annotations allow upper case prefixes).
    out.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    total += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) out.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return out;
}

export interface MetaRules {
  namespaced: boolean;
  nameFn: NameValidator;
}

/** Validates `meta` found at `path` ("metadata"). */
export function validateObjectMeta(meta: unknown, rules: MetaRules, path = 'metadata'): FieldCause[] {
  const m = isRecord(meta) ? meta : {};
  const out: FieldCause[] = [];
  const name = str(m['name']);
  const generateName = str(m['generateName']);
  if (generateName !== '') {
    out.push(...rules.nameFn(generateName, true).map((msg) => invalid(child(path, 'generateName'), generateName, msg)));
  }
  if (name === '') {
    // upstream: ValidateObjectMeta's requiredness check only fires without generateName.
    if (generateName === '') out.push(required(child(path, 'name'), 'name or generateName is required'));
  } else {
    out.push(...rules.nameFn(name, false).map((msg) => invalid(child(path, 'name'), name, msg)));
  }
  const namespace = str(m['namespace']);
  if (rules.namespaced) {
    if (namespace === '') out.push(required(child(path, 'namespace'), ''));
    else out.push(...isDNS1123Label(namespace).map((msg) => invalid(child(path, 'namespace'), namespace, msg)));
  } else if (namespace !== '') {
    out.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  out.push(...validateLabels(m['labels'], child(path, 'labels')));
  out.push(...validateAnnotations(m['annotations'], child(path, 'annotations')));
  return out;
}
