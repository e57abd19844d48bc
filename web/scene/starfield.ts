// A fixed star field far behind the vehicle: depth and motion cues when orbiting, one draw call.
import * as THREE from 'three';

/** `count` stars on a sphere of `radius`, placed by a seeded generator so screenshots repeat. */
export function starfield(count: number, radius: number, seed = 1): THREE.Points {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    // xorshift32: deterministic, good enough to scatter points.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
  const positions = new Float32Array(count * 3);
  for (let i = 0; i < count; i++) {
    const u = next() * 2 - 1;
    const phi = next() * Math.PI * 2;
    const r = Math.sqrt(1 - u * u) * radius;
    positions.set([r * Math.cos(phi), u * radius, r * Math.sin(phi)], i * 3);
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  return new THREE.Points(geometry, new THREE.PointsMaterial({ color: 0x8f9bb3, size: 1.5, sizeAttenuation: false }));
}
