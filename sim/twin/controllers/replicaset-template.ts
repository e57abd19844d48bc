// Pods from a controller's pod template, and the template hash controllers name revisions by.
// upstream: pkg/controller/controller_utils.go (GetPodFromTemplate, ComputeHash),
// k8s.io/apimachinery/pkg/util/rand (SafeEncodeString).
import { OBJECT_KEY, type KubeObject, type OwnerReference } from '../store/index.ts';

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, unknown>;
}

export interface PodOverrides {
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  /** Replaces fields of the template's spec (e.g. hostname, affinity, tolerations). */
  spec?: Record<string, unknown>;
}

/** upstream: the generated-name prefix is the owner's name and a dash, cut to fit (getPodsPrefix). */
export function podsPrefix(ownerName: string): string {
  const prefix = `${ownerName}-`;
  // upstream: validation of generateName allows 63 − 5 random characters for a DNS label.
  return prefix.length > 58 ? prefix.slice(0, 58) : prefix;
}

/**
 * A new Pod object from a template, owned by `ref`, for a trusted create (the registry stores it as built;
 * nested template parts are shared). Built with every field the API server will set already in place, in
 * upstream's order (uid, resourceVersion, generation, creationTimestamp, a generated name, the status), so the
 * stored pod keeps this layout: fields added later would go to a separate property array per object.
 */
export function podFromTemplate(namespace: string, template: PodTemplate, ref: OwnerReference, o: PodOverrides = {}): KubeObject {
  const meta = template.metadata ?? {};
  const labels = { ...(meta.labels ?? {}), ...(o.labels ?? {}) };
  const ownerReferences = [ref];
  const name = o.name ?? '';
  const generateName = o.name ? undefined : (o.generateName ?? podsPrefix(ref.name));
  let metadata: KubeObject['metadata'];
  if (generateName === undefined) {
    metadata = meta.annotations
      ? { name, namespace, uid: '', resourceVersion: '', generation: 0, creationTimestamp: '', labels, annotations: { ...meta.annotations }, ownerReferences, [OBJECT_KEY]: '' }
      : { name, namespace, uid: '', resourceVersion: '', generation: 0, creationTimestamp: '', labels, ownerReferences, [OBJECT_KEY]: '' };
  } else {
    metadata = meta.annotations
      ? { name, generateName, namespace, uid: '', resourceVersion: '', generation: 0, creationTimestamp: '', labels, annotations: { ...meta.annotations }, ownerReferences, [OBJECT_KEY]: '' }
      : { name, generateName, namespace, uid: '', resourceVersion: '', generation: 0, creationTimestamp: '', labels, ownerReferences, [OBJECT_KEY]: '' };
  }
  // Object.assign, not a spread: admission adds tolerations, priority and preemptionPolicy to the spec, and on V8
  // a spread copy that gains properties gets hidden classes of its own (~2 KB of maps per pod); copies made
  // with Object.assign onto `{}` share one transition tree.
  const spec = Object.assign({}, template.spec, o.spec);
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: {} };
}

/** JSON with object keys sorted, so equal values give equal strings (the input to the hash). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** 32-bit FNV-1a over the UTF-16 code units (upstream hashes the Go-printed struct with fnv32a). */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** upstream: rand.SafeEncodeString — each character mapped into an alphabet without vowels or look-alikes. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/**
 * upstream: controller.ComputeHash(template, collisionCount) → SafeEncodeString(fmt.Sprint(hash)).
 * Stable across runs and key orders; not byte-identical to upstream's (which hashes Go's struct printing).
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJson(template);
  if (collisionCount !== undefined && collisionCount > 0) text += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}
