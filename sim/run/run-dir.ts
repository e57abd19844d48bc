// Where a run writes: an explicit --out that already exists is refused (never overwritten); the default
// is runs/<profile>-seed<N>, with -2, -3, … appended when taken.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export class RunDirError extends Error {}

export function prepareRunDir(explicit: string | undefined, profileName: string, seed: number, base = 'runs'): string {
  if (explicit) {
    if (existsSync(explicit) && readdirSync(explicit).length > 0) {
      throw new RunDirError(`${explicit} already exists and is not empty; choose another --out (runs are never overwritten)`);
    }
    mkdirSync(explicit, { recursive: true });
    return explicit;
  }
  const stem = join(base, `${profileName}-seed${seed}`);
  let dir = stem;
  for (let n = 2; existsSync(dir); n++) dir = `${stem}-${n}`;
  mkdirSync(dir, { recursive: true });
  return dir;
}
