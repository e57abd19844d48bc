// The selection highlight: a white wire box around the picked node or pod that breathes with wall time.
import * as THREE from 'three';
import { SELECT_COLOR } from './palette.ts';

export class SelectionBox {
  private readonly box = new THREE.LineSegments(
    new THREE.EdgesGeometry(new THREE.BoxGeometry(1, 1, 1)),
    new THREE.LineBasicMaterial({ color: SELECT_COLOR, transparent: true, depthTest: false }),
  );
  private readonly base = new THREE.Vector3(1, 1, 1);

  constructor() {
    this.box.visible = false;
    this.box.renderOrder = 10;
  }

  /** Puts the box around something at `local` in `parent`, of size (sx, sy, sz), turned by `yaw`. */
  show(parent: THREE.Object3D, local: THREE.Vector3, size: THREE.Vector3, yaw: number): void {
    if (this.box.parent !== parent) parent.add(this.box);
    this.box.position.copy(local);
    this.box.rotation.set(0, yaw, 0);
    this.base.copy(size);
    this.box.scale.copy(size);
    this.box.visible = true;
  }

  hide(): void {
    this.box.visible = false;
    this.box.removeFromParent();
  }

  /** A slow pulse (1.2 s), so the eye finds the selection in a busy scene. True when the box moved (visible). */
  animate(wallMs: number): boolean {
    if (!this.box.visible) return false;
    const k = 1 + 0.08 * Math.sin((wallMs / 1200) * 2 * Math.PI);
    this.box.scale.copy(this.base).multiplyScalar(k);
    (this.box.material as THREE.LineBasicMaterial).opacity = 0.75 + 0.25 * Math.sin((wallMs / 1200) * 2 * Math.PI);
    return true;
  }

  dispose(): void {
    this.hide();
    this.box.geometry.dispose();
    (this.box.material as THREE.Material).dispose();
  }
}
