// Container images as the kubelet reports them: normalised references, stable digests, and upstream's event texts.
// upstream: github.com/distribution/reference ParseNormalizedNamed (docker.io/library defaulting, :latest tag).
import { BoundedMap } from '../../core/index.ts';

const DEFAULT_DOMAIN = 'docker.io';

// Pod statuses name the same few images over and over: remember the answers (bounded, cleared when full).
const MEMO_LIMIT = 4096;
const normalized = new BoundedMap<string, string>(MEMO_LIMIT);
const ids = new BoundedMap<string, string>(MEMO_LIMIT);
const presentTexts = new BoundedMap<string, string>(MEMO_LIMIT);
const createdTexts = new BoundedMap<string, string>(MEMO_LIMIT);
const startedTexts = new BoundedMap<string, string>(MEMO_LIMIT);

function memo(cache: BoundedMap<string, string>, key: string, compute: (k: string) => string): string {
  return cache.get(key) ?? cache.set(key, compute(key));
}

/** "nginx" → "docker.io/library/nginx:latest"; "ghcr.io/x/y@sha256:…" is kept as is. */
export function normalizeImage(image: string): string {
  return memo(normalized, image, normalizeUncached);
}

function normalizeUncached(image: string): string {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? '' : image.slice(at);
  const slash = name.indexOf('/');
  let full: string;
  if (slash < 0) full = `${DEFAULT_DOMAIN}/library/${name}`;
  else {
    const first = name.slice(0, slash);
    const isDomain = first.includes('.') || first.includes(':') || first === 'localhost';
    full = isDomain ? name : `${DEFAULT_DOMAIN}/${name}`;
  }
  const lastSlash = full.lastIndexOf('/');
  const hasTag = full.indexOf(':', lastSlash) >= 0;
  if (!hasTag && !digest) full += ':latest';
  return full + digest;
}

/** "docker.io/library/nginx@sha256:<64 hex>": a made-up but stable digest per image (the twin pulls nothing). */
export function imageId(image: string): string {
  return memo(ids, image, imageIdUncached);
}

function imageIdUncached(image: string): string {
  const ref = normalizeImage(image);
  const at = ref.indexOf('@');
  if (at >= 0) return ref;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash);
  const repo = colon < 0 ? ref : ref.slice(0, colon);
  return `${repo}@sha256:${hex64(ref)}`;
}

/** 64 hex digits from FNV-1a over the text with eight seeds: stable, not cryptographic. */
export function hex64(text: string): string {
  let out = '';
  for (let seed = 0; seed < 8; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * Go's time.Duration String() for whole milliseconds: "0s", "250ms", "1.5s", "2m3.004s", "1h0m0s".
 * upstream: the Pulled event prints durations with %v.
 */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const rest = total % 60_000;
  const s = `${Math.floor(rest / 1000)}${rest % 1000 ? `.${String(rest % 1000).padStart(3, '0').replace(/0+$/, '')}` : ''}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}

/** Whether the kubelet pulls: upstream pkg/kubelet/images/image_manager.go shouldPullImage. */
export function needsPull(policy: string | undefined, present: boolean): boolean {
  if (policy === 'Always') return true;
  if (policy === 'Never') return false;
  return !present;
}

// upstream: pkg/kubelet/images/image_manager.go and pkg/kubelet/kuberuntime/kuberuntime_container.go event texts.
export const messages = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, pullMs: number, totalMs: number, size: number) =>
    `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
  // Said for every pod started: one string per image or container name, shared by every Event that says it.
  present: (image: string) => memo(presentTexts, image, (i) => `Container image "${i}" already present on machine`),
  created: (container: string) => memo(createdTexts, container, (c) => `Created container: ${c}`),
  started: (container: string) => memo(startedTexts, container, (c) => `Started container ${c}`),
  killing: (container: string) => `Stopping container ${container}`,
  sandboxChanged: () => 'Pod sandbox changed, it will be killed and re-created.',
} as const;
