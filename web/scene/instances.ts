// An InstancedMesh that grows: matrices and colours written by index, capacity doubled on demand.
import * as THREE from 'three';
import { writeYawMatrix } from './instance-math.ts';

const linear = new Map<number, [number, number, number]>();
const scratch = new THREE.Color();

/** 0xRRGGBB (sRGB) to the renderer's linear working space, cached: the palette is small. */
export function linearRgb(hex: number): [number, number, number] {
  let rgb = linear.get(hex);
  if (!rgb) {
    scratch.setHex(hex);
    rgb = [scratch.r, scratch.g, scratch.b];
    linear.set(hex, rgb);
  }
  return rgb;
}

export class Instances {
  mesh: THREE.InstancedMesh;
  private dirtyMatrix = false;
  private dirtyColor = false;

  constructor(
    private readonly parent: THREE.Object3D,
    private readonly geometry: THREE.BufferGeometry,
    private readonly material: THREE.Material,
    capacity: number,
    readonly userData: Record<string, unknown> = {},
  ) {
    this.mesh = this.make(Math.max(1, capacity));
    this.mesh.count = 0;
  }

  get capacity(): number {
    return this.mesh.instanceMatrix.count;
  }

  set count(n: number) {
    if (n > this.capacity) this.grow(n);
    this.mesh.count = n;
    this.dirtyMatrix = true;
  }

  get count(): number {
    return this.mesh.count;
  }

  setPose(i: number, x: number, y: number, z: number, yaw: number, sx = 1, sy = 1, sz = 1): void {
    writeYawMatrix(this.mesh.instanceMatrix.array as Float32Array, i * 16, x, y, z, yaw, sx, sy, sz);
    this.dirtyMatrix = true;
  }

  setColor(i: number, hex: number): void {
    const [r, g, b] = linearRgb(hex);
    const a = (this.mesh.instanceColor as THREE.InstancedBufferAttribute).array as Float32Array;
    a[i * 3] = r;
    a[i * 3 + 1] = g;
    a[i * 3 + 2] = b;
    this.dirtyColor = true;
  }

  /** Copies instance `from` over `to` (a swap-remove). */
  move(from: number, to: number): void {
    const m = this.mesh.instanceMatrix.array as Float32Array;
    m.copyWithin(to * 16, from * 16, from * 16 + 16);
    const c = (this.mesh.instanceColor as THREE.InstancedBufferAttribute).array as Float32Array;
    c.copyWithin(to * 3, from * 3, from * 3 + 3);
    this.dirtyMatrix = this.dirtyColor = true;
  }

  /** Uploads what changed since the last flush; the raycaster's bounds are recomputed lazily. */
  flush(): void {
    if (this.dirtyMatrix) {
      this.mesh.instanceMatrix.needsUpdate = true;
      this.mesh.boundingSphere = null;
      this.mesh.boundingBox = null;
    }
    if (this.dirtyColor && this.mesh.instanceColor) this.mesh.instanceColor.needsUpdate = true;
    this.dirtyMatrix = this.dirtyColor = false;
  }

  dispose(): void {
    this.parent.remove(this.mesh);
    this.mesh.dispose();
  }

  private make(capacity: number): THREE.InstancedMesh {
    const mesh = new THREE.InstancedMesh(this.geometry, this.material, capacity);
    mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    mesh.instanceColor = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    mesh.instanceColor.setUsage(THREE.DynamicDrawUsage);
    // Every instance is usually on screen; culling would walk 30,000 bounds a frame for nothing.
    mesh.frustumCulled = false;
    mesh.userData = this.userData;
    this.parent.add(mesh);
    return mesh;
  }

  private grow(n: number): void {
    let cap = this.capacity;
    while (cap < n) cap *= 2;
    const old = this.mesh;
    const next = this.make(cap);
    (next.instanceMatrix.array as Float32Array).set(old.instanceMatrix.array as Float32Array);
    (next.instanceColor!.array as Float32Array).set(old.instanceColor!.array as Float32Array);
    next.count = old.count;
    this.parent.remove(old);
    old.dispose();
    this.mesh = next;
    this.dirtyMatrix = this.dirtyColor = true;
  }
}
