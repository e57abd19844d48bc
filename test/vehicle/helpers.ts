// Shared by the vehicle tests: the sample profiles and a small profile built from YAML pieces.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { loadProfile, parseProfile, type Profile } from '../../sim/profile/index.ts';

export const PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));
export const SAMPLES = readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.yaml')).sort();

const cache = new Map<string, Profile>();
export function sample(name: string): Profile {
  let p = cache.get(name);
  if (!p) {
    p = loadProfile(join(PROFILES_DIR, `${name}.yaml`));
    cache.set(name, p);
  }
  return p;
}

/** A one-stage vehicle with the given power buses, links and timeline (YAML fragments, 4-space indented lists). */
export function tinyProfile(parts: { powerBuses?: string; links?: string; timeline?: string; duration?: string; nodes?: string }): Profile {
  const text = `apiVersion: kis.dev/v1
kind: FlightProfile
metadata: { name: tiny }
duration: ${parts.duration ?? '1h'}
vehicle:
  name: sat
  stages:
    - name: bus
      nodes:
${parts.nodes ?? '        - { count: 3, namePrefix: n-, role: control-plane, cpu: "2", powerBus: main }'}
  powerBuses:
${parts.powerBuses ?? '    - { name: main, nominalVolts: 28, brownoutVolts: 24, cutoffVolts: 20 }'}
  links:
${parts.links ?? '    - { name: radio }'}
workloads:
  - { name: w, kind: Deployment }
timeline:
${parts.timeline ?? '  - { at: T+0, event: phase, name: start }'}
expectations:
  - { name: q, type: quorumHeld }
`;
  const { profile, errors } = parseProfile(text, 'tiny.yaml');
  if (!profile) throw new Error(`tinyProfile: ${errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n')}`);
  return profile;
}
