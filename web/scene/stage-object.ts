// One stage in three.js: its skin, its nodes (one InstancedMesh), their markers, its bus conduits and
// its pods' mesh — all in one group, so a separation moves them together.
import * as THREE from 'three';
import type { BusState } from '../model/types.ts';
import { placeLocal } from './instance-math.ts';
import { Instances } from './instances.ts';
import { disposeSprite, textSprite } from './labels.ts';
import { nodeMarkers } from './markers.ts';
import type { NodeLook } from './node-look.ts';
import { BUS_COLOR, STAGE_SKIN_COLOR } from './palette.ts';
import type { SeparationPose } from './separation.ts';
import { NODE_SIZE, type NodeSlot, type StageGeometry } from './stack-layout.ts';
import type { Subject } from './types.ts';

const unitBox = new THREE.BoxGeometry(1, 1, 1);
const nodeBox = new THREE.BoxGeometry(NODE_SIZE.w, NODE_SIZE.h, NODE_SIZE.d);
const skinMaterial = new THREE.MeshLambertMaterial({ color: STAGE_SKIN_COLOR });
const nodeMaterial = new THREE.MeshLambertMaterial();
const markerMaterial = new THREE.MeshBasicMaterial();

/** Buses run up the stack as conduits at the silhouette's edges, alternating left and right. */
export function conduitAngle(busIndex: number): number {
  const side = busIndex % 2 === 0 ? 1 : -1;
  return Math.PI / 2 + side * (Math.PI / 2 + 0.22 * Math.floor(busIndex / 2));
}

export class StageObject {
  readonly group = new THREE.Group();
  readonly nodes: Instances;
  readonly pods: Instances;
  private readonly markers: Instances;
  private readonly index = new Map<string, number>();
  private readonly looks: (NodeLook | undefined)[];
  private readonly busOf: (BusState | undefined)[];
  private readonly conduits = new Map<string, THREE.Mesh>();
  private readonly label: THREE.Sprite;
  private markersDirty = true;

  constructor(
    readonly geometry: StageGeometry,
    readonly nodeNames: readonly string[],
    buses: readonly { name: string; index: number }[],
    podGeometry: THREE.BufferGeometry,
    podMaterial: THREE.Material,
  ) {
    const { radius, height } = geometry;
    this.group.position.set(0, geometry.baseY + height / 2, 0);
    this.group.name = `stage:${geometry.name}`;
    const skin = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, height, 48), skinMaterial);
    this.group.add(skin);
    this.nodes = new Instances(this.group, nodeBox, nodeMaterial, nodeNames.length, {
      pick: (i: number): Subject | undefined => (nodeNames[i] ? { kind: 'node', key: nodeNames[i]! } : undefined),
    });
    this.nodes.count = nodeNames.length;
    nodeNames.forEach((name, i) => {
      this.index.set(name, i);
      const s = geometry.slots.get(name)!;
      this.nodes.setPose(i, s.x, s.y, s.z, s.yaw);
      this.nodes.setColor(i, 0x2b3a55);
    });
    this.looks = nodeNames.map(() => undefined);
    this.busOf = nodeNames.map(() => undefined);
    this.markers = new Instances(this.group, unitBox, markerMaterial, Math.max(4, nodeNames.length));
    this.pods = new Instances(this.group, podGeometry, podMaterial, 64, { pods: true });
    for (const bus of buses) {
      const a = conduitAngle(bus.index);
      const r = radius + NODE_SIZE.d + 0.12;
      const pipe = new THREE.Mesh(new THREE.CylinderGeometry(0.07, 0.07, height, 6), new THREE.MeshBasicMaterial({ color: BUS_COLOR.nominal }));
      pipe.position.set(r * Math.cos(a), 0, r * Math.sin(a));
      this.conduits.set(bus.name, pipe);
      this.group.add(pipe);
    }
    const labelH = Math.max(0.8, radius * 0.3);
    this.label = textSprite(geometry.name, labelH);
    // Left of the skin by its own width, so a long name never runs onto the stage.
    this.label.position.set(-(radius + 0.8 + this.label.scale.x / 2), height / 2 - labelH, 0);
    this.group.add(this.label);
  }

  slotOf(node: string): NodeSlot | undefined {
    return this.geometry.slots.get(node);
  }

  has(node: string): boolean {
    return this.index.has(node);
  }

  setNode(node: string, look: NodeLook, bus: BusState | undefined): void {
    const i = this.index.get(node);
    if (i === undefined) return;
    this.nodes.setColor(i, look.color);
    const prev = this.looks[i];
    if (!prev || prev.controlPlane !== look.controlPlane || prev.cordoned !== look.cordoned || prev.tainted !== look.tainted || this.busOf[i] !== bus) {
      this.markersDirty = true;
    }
    this.looks[i] = look;
    this.busOf[i] = bus;
  }

  setBus(name: string, state: BusState): void {
    const pipe = this.conduits.get(name);
    if (pipe) (pipe.material as THREE.MeshBasicMaterial).color.setHex(BUS_COLOR[state]);
  }

  setPose(pose: SeparationPose): void {
    const g = this.geometry;
    this.group.position.set(pose.dx, g.baseY + g.height / 2 + pose.dy, pose.dz);
    this.group.rotation.set(pose.rx, pose.ry, pose.rz);
    this.group.visible = pose.visible;
  }

  /** Re-lays the marker bars when a node's role, cordon, taints or bus changed; uploads instances. */
  flush(): void {
    if (this.markersDirty) {
      let n = 0;
      this.nodeNames.forEach((name, i) => {
        const look = this.looks[i];
        if (!look) return;
        const s = this.geometry.slots.get(name)!;
        for (const m of nodeMarkers(look, this.busOf[i])) {
          this.markers.count = n + 1;
          const [x, y, z] = placeLocal(s.x, s.y, s.z, s.yaw, m.x, m.y, m.z);
          this.markers.setPose(n, x, y, z, s.yaw, m.sx, m.sy, m.sz);
          this.markers.setColor(n, m.color);
          n++;
        }
      });
      this.markers.count = n;
      this.markersDirty = false;
    }
    this.nodes.flush();
    this.markers.flush();
    this.pods.flush();
  }

  dispose(): void {
    this.nodes.dispose();
    this.markers.dispose();
    this.pods.dispose();
    for (const pipe of this.conduits.values()) {
      pipe.geometry.dispose();
      (pipe.material as THREE.Material).dispose();
    }
    this.group.children.forEach((c) => {
      if (c instanceof THREE.Mesh && c.material === skinMaterial) c.geometry.dispose();
    });
    disposeSprite(this.label);
    this.group.removeFromParent();
  }
}
