// generateName: the random suffix the API server appends, exactly as upstream builds it.

// upstream: k8s.io/apimachinery/pkg/util/rand/rand.go alphanums — no vowels (no words) and no confusable 0/1/3.
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
// upstream: k8s.io/apiserver/pkg/storage/names/generate.go maxNameLength 63, randomLength 5.
const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

/** `base` (truncated to 58 chars) + 5 random chars. `random` returns [0, 1) like Math.random. */
export function generateName(base: string, random: () => number): string {
  const prefix = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  let suffix = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) {
    suffix += ALPHANUMS[Math.floor(random() * ALPHANUMS.length) % ALPHANUMS.length];
  }
  return prefix + suffix;
}

// upstream: RetryGenerateName (GA in 1.32) — a create with generateName tries up to 8 names before AlreadyExists.
export const GENERATE_NAME_ATTEMPTS = 8;
