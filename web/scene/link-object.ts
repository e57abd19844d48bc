// Ground stations and the radio links to them in three.js (line geometry from link-geometry.ts).
import * as THREE from 'three';
import type { LinkView } from '../model/types.ts';
import { disposeSprite, textSprite } from './labels.ts';
import { linkSegments, stationPosition, type Point } from './link-geometry.ts';
import { LINK_DOWN_COLOR, LINK_UP_COLOR } from './palette.ts';

interface Drawn {
  readonly line: THREE.LineSegments;
  readonly station: THREE.Group;
  readonly label: THREE.Sprite;
  up?: boolean;
  top?: number;
}

export class LinkObjects {
  readonly group = new THREE.Group();
  private readonly links = new Map<string, Drawn>();

  constructor(names: readonly { name: string; station: string }[], stackRadius: number, groundY: number) {
    names.forEach(({ name, station }, i) => {
      const p = stationPosition(i, stackRadius);
      const g = new THREE.Group();
      g.position.set(p[0], p[1] + groundY, p[2]);
      // Stations grow with the vehicle so they stay readable beside a 1,000-node stack.
      g.scale.setScalar(Math.max(1, stackRadius / 2.4));
      const mast = new THREE.Mesh(new THREE.CylinderGeometry(0.12, 0.2, 2, 8), new THREE.MeshLambertMaterial({ color: 0x9aa3b2 }));
      mast.position.y = 1;
      const dish = new THREE.Mesh(new THREE.SphereGeometry(1, 16, 8, 0, Math.PI * 2, 0, Math.PI / 3), new THREE.MeshLambertMaterial({ color: 0xdfe4ec, side: THREE.DoubleSide }));
      dish.position.y = 2.4;
      dish.rotation.set(Math.PI, 0, -Math.PI / 5);
      const label = textSprite(`${station} · ${name}`, 0.55);
      label.position.y = 3.6;
      g.add(mast, dish, label);
      const line = new THREE.LineSegments(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: LINK_UP_COLOR }));
      this.group.add(g, line);
      this.links.set(name, { line, station: g, label });
    });
  }

  /** Redraws a link when its state or the vehicle's top moved. */
  update(links: ReadonlyMap<string, LinkView>, vehicleTop: Point): void {
    for (const [name, d] of this.links) {
      const up = links.get(name)?.up ?? true;
      if (d.up === up && d.top === vehicleTop[1]) continue;
      d.up = up;
      d.top = vehicleTop[1];
      const s = d.station.position;
      const pts = linkSegments(vehicleTop, [s.x, s.y + 2.6 * d.station.scale.y, s.z], up);
      d.line.geometry.setAttribute('position', new THREE.Float32BufferAttribute(pts.flat(), 3));
      d.line.geometry.computeBoundingSphere();
      (d.line.material as THREE.LineBasicMaterial).color.setHex(up ? LINK_UP_COLOR : LINK_DOWN_COLOR);
    }
  }

  dispose(): void {
    for (const d of this.links.values()) {
      d.line.geometry.dispose();
      (d.line.material as THREE.Material).dispose();
      d.station.traverse((o) => {
        if (o instanceof THREE.Mesh) {
          o.geometry.dispose();
          (o.material as THREE.Material).dispose();
        }
      });
      disposeSprite(d.label);
    }
    this.group.removeFromParent();
  }
}
