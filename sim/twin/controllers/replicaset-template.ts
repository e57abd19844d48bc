// Pods from a controller's pod template, and the template hash controllers name revisions by.
// upstream: pkg/controller/controller_utils.go (GetPodFromTemplate, ComputeHash),
// k8s.io/apimachinery/pkg/util/rand (SafeEncodeString).
import type { KubeObject, OwnerReference } from '../store/index.ts';

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

/** A new Pod object from a template, owned by `ref` (the registry copies it; nested template parts are shared). */
export function podFromTemplate(namespace: string, template: PodTemplate, ref: OwnerReference, o: PodOverrides = {}): KubeObject {
  const meta = template.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(o.name ? { name: o.name } : { generateName: o.generateName ?? podsPrefix(ref.name) }),
      namespace,
      labels: { ...(meta.labels ?? {}), ...(o.labels ?? {}) },
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [ref],
    },
    spec: { ...(template.spec ?? {}), ...(o.spec ?? {}) },
  };
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
