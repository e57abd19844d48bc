// The three.js view of the vehicle: renderer, camera, orbit controls, picking and selection around a
// VehicleBuild (stages, nodes, pods, buses, links) that SceneStates are applied to.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { JournalLayout, SceneState } from '../model/types.ts';
import { fitCamera } from './camera-fit.ts';
import { BACKGROUND } from './palette.ts';
import { SelectionBox } from './selection.ts';
import { starfield } from './starfield.ts';
import { probeRenderer, renderQuality, type RenderQuality } from './render-quality.ts';
import { NODE_SIZE } from './stack-layout.ts';
import { extraNodes } from './stack-input.ts';
import type { SceneStats, Subject } from './types.ts';
import { VehicleBuild } from './vehicle-build.ts';

const EMPTY_LAYOUT: JournalLayout = { startMs: 0, durationMs: 0, stages: [], buses: [], links: [], workloads: [], expectations: [], phases: [] };

export class VehicleScene {
  private readonly renderer: THREE.WebGLRenderer;
  /** Chosen for the machine's renderer: lighter on a software rasteriser. */
  readonly quality: RenderQuality;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(40, 1, 0.1, 20000);
  private readonly controls: OrbitControls;
  private readonly selection = new SelectionBox();
  private readonly raycaster = new THREE.Raycaster();
  private readonly ground = new THREE.Group();
  private layout: JournalLayout = EMPTY_LAYOUT;
  private layoutKey = '';
  private builds = 0;
  private build: VehicleBuild | undefined;
  private state: SceneState | undefined;
  private selected: Subject | undefined;
  private userMoved = false;
  private lastFrameMs = 0;
  private lastDrawCalls = 0;
  /**
   * Something visible changed since the last render. Frames render only then: a software renderer
   * (SwiftShader, as in headless Chromium and GPU-less machines) takes 100+ ms of a core per frame, which
   * an unchanged scene at 60 fps would burn for nothing, stalling the page (the compositor reads each frame
   * back) and everything else on the machine.
   */
  private dirty = true;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.quality = renderQuality(probeRenderer(canvas.ownerDocument));
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: this.quality.antialias });
    this.renderer.setPixelRatio(Math.min(this.quality.maxPixelRatio, globalThis.devicePixelRatio || 1));
    this.scene.background = new THREE.Color(BACKGROUND);
    this.scene.add(new THREE.HemisphereLight(0xdfe8ff, 0x202634, 1.6));
    const sun = new THREE.DirectionalLight(0xffffff, 1.8);
    sun.position.set(30, 60, 50);
    this.scene.add(sun, this.ground);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = true;
    this.controls.addEventListener('start', () => (this.userMoved = true));
    // Orbiting, zooming and damping after a drag all move the camera through update(), which says so here.
    this.controls.addEventListener('change', () => (this.dirty = true));
    this.resize(canvas.clientWidth || canvas.width, canvas.clientHeight || canvas.height);
  }

  setLayout(layout: JournalLayout): void {
    // The same layout again (shown from the header while the journal loaded, then from the model): keep the
    // build, whose shaders are compiled and drawn once already.
    const key = JSON.stringify(layout);
    if (key === this.layoutKey && this.build?.extra.length === 0) return;
    this.layoutKey = key;
    this.layout = layout;
    this.userMoved = false;
    this.rebuild([]);
  }

  /**
   * Gets the vehicle as laid out (before any state) ready to draw while the page is still busy reading the
   * journal: its shaders compiled, and on a GPU drawn once. Compiling takes the GPU process a few hundred ms
   * on a software rasteriser; done here it overlaps the load instead of following it. There the draw itself
   * is left to the first frame with the journal's state: a software frame takes both cores for ~200 ms and
   * slowed the load more than it saved (web-load bench: median 1.77 s with it, 1.68 s without).
   */
  async preview(): Promise<void> {
    await this.renderer.compileAsync(this.scene, this.camera);
    if (this.quality.software) return;
    this.dirty = true;
    this.frame(performance.now());
  }

  update(state: SceneState): void {
    if (!this.build || this.state?.nodes !== state.nodes) {
      const extra = extraNodes(this.layout, state.nodes);
      if (!this.build || extra.join('\n') !== this.build.extra.join('\n')) this.rebuild(extra, state);
    }
    this.state = state;
    this.build!.apply(state);
    this.dirty = true;
    if (this.selected) this.select(this.selected);
  }

  /** Renders when something changed (or a selection pulses); otherwise the canvas keeps its last frame. */
  frame(wallMs: number): void {
    const start = performance.now();
    this.controls.update();
    if (this.selection.animate(wallMs)) this.dirty = true;
    if (!this.dirty) return;
    this.dirty = false;
    this.renderer.render(this.scene, this.camera);
    this.lastDrawCalls = this.renderer.info.render.calls;
    this.lastFrameMs = performance.now() - start;
  }

  pick(clientX: number, clientY: number): Subject | undefined {
    if (!this.build) return undefined;
    const rect = this.canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(ndc, this.camera);
    const targets: THREE.Object3D[] = [];
    this.build.root.traverseVisible((o) => {
      if (o instanceof THREE.InstancedMesh && typeof o.userData.pick === 'function') targets.push(o);
    });
    for (const hit of this.raycaster.intersectObjects(targets, false)) {
      if (hit.instanceId === undefined) continue;
      const subject = (hit.object.userData.pick as (i: number) => Subject | undefined)(hit.instanceId);
      if (subject) return subject;
    }
    return undefined;
  }

  screenPositionOf(subject: Subject): { x: number; y: number } | undefined {
    const at = this.locate(subject);
    if (!at) return undefined;
    this.scene.updateMatrixWorld();
    const p = at.parent.localToWorld(at.local.clone()).project(this.camera);
    if (p.z > 1) return undefined;
    const w = this.canvas.clientWidth || this.canvas.width;
    const h = this.canvas.clientHeight || this.canvas.height;
    return { x: ((p.x + 1) / 2) * w, y: ((1 - p.y) / 2) * h };
  }

  select(subject: Subject | undefined): void {
    this.selected = subject;
    this.dirty = true;
    const at = subject && this.locate(subject);
    if (!at) return this.selection.hide();
    this.selection.show(at.parent, at.local, at.size, at.yaw);
  }

  resize(width: number, height: number): void {
    this.dirty = true;
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / Math.max(1, height);
    this.camera.updateProjectionMatrix();
    if (!this.userMoved) this.fit();
  }

  stats(): SceneStats {
    return { frameMs: this.lastFrameMs, drawCalls: this.lastDrawCalls, pods: this.build?.podCount() ?? 0, nodes: this.state?.nodes.size ?? 0, software: this.quality.software, builds: this.builds };
  }

  dispose(): void {
    this.build?.dispose();
    this.selection.dispose();
    this.controls.dispose();
    this.clearGround();
    this.renderer.dispose();
  }

  private rebuild(extra: readonly string[], state?: SceneState): void {
    this.dirty = true;
    this.build?.dispose();
    this.builds++;
    this.build = new VehicleBuild(this.layout, extra, state?.nodes);
    this.scene.add(this.build.root);
    this.clearGround();
    // Space, not a floor: separated stages fall away past where a ground would be.
    this.ground.add(starfield(1500, Math.max(800, this.build.geometry.height * 6)));
    if (!this.userMoved) this.fit();
  }

  private clearGround(): void {
    for (const c of [...this.ground.children]) {
      c.removeFromParent();
      if (c instanceof THREE.Mesh || c instanceof THREE.Points) {
        c.geometry.dispose();
        (c.material as THREE.Material).dispose();
      }
    }
  }

  private fit(): void {
    if (!this.build) return;
    const g = this.build.geometry;
    const f = fitCamera(g.height + g.radius * 2, g.radius * 2 + 12, this.camera.fov, this.camera.aspect);
    this.camera.position.set(...f.position);
    this.controls.target.set(...f.target);
    this.controls.update();
  }

  private locate(subject: Subject): { parent: THREE.Object3D; local: THREE.Vector3; size: THREE.Vector3; yaw: number } | undefined {
    if (!this.build) return undefined;
    if (subject.kind === 'node') {
      const stage = this.build.stageOf(subject.key);
      const s = stage?.slotOf(subject.key);
      if (!stage || !s) return undefined;
      return { parent: stage.group, local: new THREE.Vector3(s.x, s.y, s.z), size: new THREE.Vector3(NODE_SIZE.w, NODE_SIZE.h, NODE_SIZE.d).multiplyScalar(1.12), yaw: s.yaw };
    }
    const p = this.build.podLocation(subject.key);
    if (!p) return undefined;
    const node = this.state?.pods.get(subject.key)?.node;
    const yaw = node !== undefined ? (this.build.stageOf(node)?.slotOf(node)?.yaw ?? 0) : 0;
    return { parent: p.parent, local: p.local, size: new THREE.Vector3(1, 1, 1).multiplyScalar(p.size * 1.7), yaw };
  }
}
