// Instance matrices written straight into three's Float32Arrays (pure): a yaw about +y, a uniform
// scale and a position, in column-major order — no Matrix4 objects for 30,000 pods.

/** Node-local point (lx, ly, lz) turned by `yaw` about +y and moved to (x, y, z). */
export function placeLocal(x: number, y: number, z: number, yaw: number, lx: number, ly: number, lz: number): [number, number, number] {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  return [x + lx * c + lz * s, y + ly, z - lx * s + lz * c];
}

/** Writes the 16 floats of T(x,y,z)·Ry(yaw)·S(sx,sy,sz) at `array[offset]`. */
export function writeYawMatrix(
  array: Float32Array,
  offset: number,
  x: number,
  y: number,
  z: number,
  yaw: number,
  sx = 1,
  sy = 1,
  sz = 1,
): void {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  array[offset] = c * sx;
  array[offset + 1] = 0;
  array[offset + 2] = -s * sx;
  array[offset + 3] = 0;
  array[offset + 4] = 0;
  array[offset + 5] = sy;
  array[offset + 6] = 0;
  array[offset + 7] = 0;
  array[offset + 8] = s * sz;
  array[offset + 9] = 0;
  array[offset + 10] = c * sz;
  array[offset + 11] = 0;
  array[offset + 12] = x;
  array[offset + 13] = y;
  array[offset + 14] = z;
  array[offset + 15] = 1;
}
