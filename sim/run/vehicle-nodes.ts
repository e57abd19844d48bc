// Maps a profile's vehicle onto the twin's node registrations (profile types stay out of sim/twin).
import type { Profile } from '../profile/index.ts';
import type { NodeSpec } from '../twin/index.ts';

export function vehicleNodes(profile: Profile): NodeSpec[] {
  return profile.vehicle.nodes.map((n) => ({
    name: n.name,
    cpu: n.cpu.text,
    memory: n.memory.text,
    pods: n.maxPods,
    labels: n.labels,
    role: n.role,
  }));
}
