// Pods in three.js: one InstancedMesh per stage (so separation carries them) plus the pending tray;
// update() applies only the PodViews whose identity changed since the last state.
import * as THREE from 'three';
import type { PodView } from '../model/types.ts';
import { placeLocal } from './instance-math.ts';
import { Instances } from './instances.ts';
import { disposeSprite, textSprite } from './labels.ts';
import { podColor } from './node-look.ts';
import { gridCapacity, podGrid, podOffset, type PodGrid } from './pod-grid.ts';
import { DenseIndex, SlotAllocator } from './slots.ts';
import type { StageObject } from './stage-object.ts';
import type { Subject } from './types.ts';

/** The pending tray: a board beside the stack's foot, pods in a grid that shrinks as it fills. */
const TRAY = { w: 5, h: 3 } as const;
const POD_SCALE = 0.78;

interface Host {
  readonly inst: Instances;
  readonly dense: DenseIndex;
  readonly stage?: StageObject;
}

interface PodRecord {
  view: PodView;
  host: Host;
  node?: string;
  slot: number;
}

export class PodLayer {
  readonly tray = new THREE.Group();
  private readonly records = new Map<string, PodRecord>();
  private readonly hosts = new Map<StageObject, Host>();
  private readonly trayHost: Host;
  private readonly slots = new SlotAllocator();
  private grid: PodGrid = podGrid(gridCapacity(0));
  private trayGrid: PodGrid = podGrid(64, TRAY.w, TRAY.h);
  private readonly trayLabel: THREE.Sprite;
  private readonly board: THREE.Mesh;

  constructor(
    parent: THREE.Object3D,
    private readonly stageOf: (node: string) => StageObject | undefined,
    stages: readonly StageObject[],
    trayAt: THREE.Vector3,
    geometry: THREE.BufferGeometry,
    material: THREE.Material,
  ) {
    for (const s of stages) this.hosts.set(s, this.host(s.pods, s));
    this.tray.position.copy(trayAt);
    this.board = new THREE.Mesh(new THREE.PlaneGeometry(TRAY.w + 0.3, TRAY.h + 0.3), new THREE.MeshBasicMaterial({ color: 0x1a2233 }));
    this.board.position.z = -0.05;
    this.tray.add(this.board);
    this.trayLabel = textSprite('pending · unbound', 0.45, '#ffcf70');
    this.trayLabel.position.set(0, TRAY.h / 2 + 0.45, 0);
    this.tray.add(this.trayLabel);
    this.trayHost = this.host(new Instances(this.tray, geometry, material, 256, { pods: true }));
    parent.add(this.tray);
  }

  get size(): number {
    return this.records.size;
  }

  /** Applies a new pod map; `prev` is the map last applied (same identity: nothing to do). */
  apply(pods: ReadonlyMap<string, PodView>): void {
    for (const [key, view] of pods) {
      const rec = this.records.get(key);
      if (rec?.view !== view) this.upsert(key, view, rec);
    }
    if (this.records.size > pods.size) {
      for (const key of [...this.records.keys()]) if (!pods.has(key)) this.remove(key);
    }
    this.trayHost.inst.flush();
    this.tray.visible = this.trayHost.dense.count > 0;
  }

  /** Where a pod is drawn: its parent object and its position within it. */
  locate(key: string): { parent: THREE.Object3D; local: THREE.Vector3; size: number } | undefined {
    const rec = this.records.get(key);
    const i = rec?.host.dense.indexOf(key);
    if (!rec || i === undefined) return undefined;
    const a = rec.host.inst.mesh.instanceMatrix.array;
    const size = (rec.host === this.trayHost ? this.trayGrid.cell : this.grid.cell) * POD_SCALE;
    return { parent: rec.host.inst.mesh.parent!, local: new THREE.Vector3(a[i * 16 + 12], a[i * 16 + 13], a[i * 16 + 14]), size };
  }

  dispose(): void {
    this.trayHost.inst.dispose();
    disposeSprite(this.trayLabel);
    this.board.geometry.dispose();
    (this.board.material as THREE.Material).dispose();
    this.tray.removeFromParent();
  }

  private host(inst: Instances, stage?: StageObject): Host {
    const h: Host = { inst, dense: new DenseIndex(), ...(stage ? { stage } : {}) };
    inst.userData.pick = (i: number): Subject | undefined => {
      const key = h.dense.keyAt(i);
      return key === undefined ? undefined : { kind: 'pod', key };
    };
    return h;
  }

  private upsert(key: string, view: PodView, rec: PodRecord | undefined): void {
    const stage = view.node !== undefined ? this.stageOf(view.node) : undefined;
    const host = stage ? this.hosts.get(stage)! : this.trayHost;
    if (rec && rec.host === host && rec.node === view.node) {
      rec.view = view;
      host.inst.setColor(host.dense.indexOf(key)!, podColor(view));
      return;
    }
    if (rec) this.remove(key);
    const i = host.dense.add(key);
    host.inst.count = host.dense.count;
    const slot = stage ? this.slots.take(view.node!) : i;
    const fresh: PodRecord = { view, host, slot, ...(stage ? { node: view.node! } : {}) };
    this.records.set(key, fresh);
    host.inst.setColor(i, podColor(view));
    if (stage && slot >= this.grid.capacity) this.regrid(gridCapacity(slot + 1));
    else if (!stage && host.dense.count > this.trayGrid.capacity) this.retray();
    else this.place(fresh, i);
  }

  private remove(key: string): void {
    const rec = this.records.get(key);
    if (!rec) return;
    this.records.delete(key);
    if (rec.node !== undefined) this.slots.release(rec.node, rec.slot);
    const gone = rec.host.dense.remove(key);
    if (!gone) return;
    if (gone.moved !== undefined) {
      rec.host.inst.move(rec.host.dense.count, gone.freed);
      const moved = this.records.get(gone.moved)!;
      if (moved.host === this.trayHost) {
        moved.slot = gone.freed;
        this.place(moved, gone.freed);
      }
    }
    rec.host.inst.count = rec.host.dense.count;
  }

  private place(rec: PodRecord, i: number): void {
    if (rec.host === this.trayHost) {
      const [x, y] = podOffset(rec.slot, this.trayGrid, 0);
      const k = this.trayGrid.cell * POD_SCALE;
      rec.host.inst.setPose(i, x, y, 0, 0, k, k, k);
      return;
    }
    const s = rec.host.stage!.slotOf(rec.node!)!;
    const [lx, ly, lz] = podOffset(rec.slot, this.grid);
    const [x, y, z] = placeLocal(s.x, s.y, s.z, s.yaw, lx, ly, lz);
    const k = this.grid.cell * POD_SCALE;
    rec.host.inst.setPose(i, x, y, z, s.yaw, k, k, k);
  }

  /** A node got more pods than the grid holds: every pod on a node moves to the finer grid. */
  private regrid(capacity: number): void {
    this.grid = podGrid(capacity);
    for (const [key, rec] of this.records) if (rec.host !== this.trayHost) this.place(rec, rec.host.dense.indexOf(key)!);
  }

  private retray(): void {
    this.trayGrid = podGrid(gridCapacity(this.trayHost.dense.count), TRAY.w, TRAY.h);
    for (const rec of this.records.values()) if (rec.host === this.trayHost) this.place(rec, rec.slot);
  }
}
