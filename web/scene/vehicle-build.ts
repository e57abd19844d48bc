// One built vehicle: the stages, pods and links of one stack structure, and how a SceneState is
// applied to them (only what changed since the last state, by object identity).
import * as THREE from 'three';
import type { BusState, JournalLayout, NodeView, SceneState } from '../model/types.ts';
import { LinkObjects } from './link-object.ts';
import { nodeLook } from './node-look.ts';
import { PodLayer } from './pod-layer.ts';
import { AT_REST, separationPose, type SeparationPose } from './separation.ts';
import { layoutStack, type StackGeometry } from './stack-layout.ts';
import { stackInput } from './stack-input.ts';
import { StageObject } from './stage-object.ts';

const podGeometry = new THREE.BoxGeometry(1, 1, 1);
const podMaterial = new THREE.MeshLambertMaterial();
/** A deleted node on a stage still attached: dimmed, not gone (it may come back). */
const GHOST_FADE = 0.65;

export class VehicleBuild {
  readonly root = new THREE.Group();
  readonly geometry: StackGeometry;
  readonly stages: StageObject[];
  private readonly nodeStage = new Map<string, StageObject>();
  private readonly pods: PodLayer;
  private readonly links: LinkObjects;
  private readonly busOfNode = new Map<string, string>();
  private readonly poses = new Map<StageObject, SeparationPose>();
  private prev: SceneState | undefined;

  constructor(layout: JournalLayout, readonly extra: readonly string[], nodes?: SceneState['nodes']) {
    this.geometry = layoutStack(stackInput(layout, extra, nodes));
    const busNames = [...new Set([...layout.buses.map((b) => b.name), ...layout.stages.flatMap((s) => s.nodes.flatMap((n) => (n.bus ? [n.bus] : [])))])];
    for (const s of layout.stages) for (const n of s.nodes) if (n.bus) this.busOfNode.set(n.name, n.bus);
    this.stages = this.geometry.stages.map((g) => {
      const names = [...g.slots.keys()];
      const used = new Set(names.flatMap((n) => this.busOf(n, nodes?.get(n)) ?? []));
      const buses = busNames.flatMap((name, index) => (used.has(name) ? [{ name, index }] : []));
      const stage = new StageObject(g, names, buses, podGeometry, podMaterial);
      for (const n of names) this.nodeStage.set(n, stage);
      this.root.add(stage.group);
      return stage;
    });
    this.addEnds();
    const r = this.geometry.radius;
    this.pods = new PodLayer(this.root, (n) => this.nodeStage.get(n), this.stages, new THREE.Vector3(r + 6, this.groundY + 2.2, 1), podGeometry, podMaterial);
    const links = layout.links.map((l) => ({ name: l.name, station: l.groundStations[0] ?? 'ground' }));
    this.links = new LinkObjects(links, r, this.groundY);
    this.root.add(this.links.group);
  }

  /** The ground under the engine bell (the stack's first stage starts at y = 0). */
  get groundY(): number {
    return -this.geometry.radius * 0.6;
  }

  apply(state: SceneState): void {
    const prev = this.prev;
    this.prev = state;
    const separated = new Map(state.stages.map((s) => [s.name, s]));
    for (const stage of this.stages) {
      const view = separated.get(stage.geometry.name);
      const pose = view?.separatedAt !== undefined ? separationPose(state.t - view.separatedAt, stage.geometry.order) : AT_REST;
      this.poses.set(stage, pose);
      stage.setPose(pose);
    }
    const busesChanged = prev?.buses !== state.buses;
    if (prev?.nodes !== state.nodes || busesChanged || prev?.t !== state.t) {
      for (const [name, view] of state.nodes) {
        const stage = this.nodeStage.get(name);
        if (!stage) continue;
        // A node that is not deleted and did not change keeps its look (its fade only moves when deleted).
        if (view.present && prev?.nodes.get(name) === view && !busesChanged) continue;
        const fade = view.present ? 0 : Math.max(GHOST_FADE, this.poses.get(stage)!.fade);
        const bus = this.busOf(name, view);
        stage.setNode(name, nodeLook(view, fade), bus !== undefined ? busState(state, bus) : undefined);
      }
    }
    if (busesChanged) for (const stage of this.stages) for (const [name, b] of state.buses) stage.setBus(name, b.state);
    if (prev?.pods !== state.pods) this.pods.apply(state.pods);
    for (const stage of this.stages) stage.flush();
    this.links.update(state.links, this.vehicleTop());
  }

  stageOf(node: string): StageObject | undefined {
    return this.nodeStage.get(node);
  }

  podLocation(key: string): ReturnType<PodLayer['locate']> {
    return this.pods.locate(key);
  }

  podCount(): number {
    return this.pods.size;
  }

  dispose(): void {
    for (const s of this.stages) s.dispose();
    this.pods.dispose();
    this.links.dispose();
    this.root.traverse((o) => {
      if (o instanceof THREE.Mesh && o.userData.end) o.geometry.dispose();
    });
    this.root.removeFromParent();
  }

  private busOf(name: string, view: NodeView | undefined): string | undefined {
    return view?.bus ?? this.busOfNode.get(name);
  }

  /** Near the top of the highest stage still on the vehicle: where the antenna is. */
  private vehicleTop(): [number, number, number] {
    let top = 0;
    for (const s of this.stages) {
      if (this.poses.get(s) !== AT_REST) continue;
      top = Math.max(top, s.geometry.baseY + s.geometry.height);
    }
    // The antenna sits on the skin facing the stations, so the line is not hidden by the body.
    return [-(this.geometry.radius + 0.3), top - 0.4, 0.5];
  }

  /** A nose cone on the top stage and an engine bell under the first: the stack reads as a vehicle. */
  private addEnds(): void {
    const first = this.stages[0];
    const last = this.stages[this.stages.length - 1];
    if (!first || !last) return;
    const r = this.geometry.radius;
    const material = new THREE.MeshLambertMaterial({ color: 0xc7ccd6 });
    const cone = new THREE.Mesh(new THREE.ConeGeometry(r, r * 1.8, 48), material);
    cone.position.y = last.geometry.height / 2 + r * 0.9;
    const bell = new THREE.Mesh(new THREE.CylinderGeometry(r * 0.35, r * 0.7, r * 0.6, 24, 1, true), new THREE.MeshLambertMaterial({ color: 0x5a606b, side: THREE.DoubleSide }));
    bell.position.y = -first.geometry.height / 2 - r * 0.3;
    cone.userData.end = bell.userData.end = true;
    last.group.add(cone);
    first.group.add(bell);
  }
}

function busState(state: SceneState, bus: string): BusState {
  return state.buses.get(bus)?.state ?? 'nominal';
}
