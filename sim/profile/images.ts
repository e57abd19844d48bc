// The images a run needs (workload images and rollout targets), for `kis images` and air-gapped labs.

import type { Profile } from './types.ts';

/** Distinct images, sorted, so a lab cluster can preload them. */
export function profileImages(profile: Profile): string[] {
  const images = new Set(profile.workloads.map((w) => w.image));
  for (const e of profile.timeline) if (e.event === 'rollout') images.add(e.image);
  return [...images].sort();
}
