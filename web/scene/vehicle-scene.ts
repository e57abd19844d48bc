// The three.js view of the vehicle: stages, nodes, pods, buses and link, driven by SceneState.
import * as THREE from 'three';
import type { JournalLayout, SceneState } from '../model/types.ts';
import type { SceneStats, Subject } from './types.ts';

export class VehicleScene {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(45, 1, 0.1, 2000);
  private lastFrameMs = 0;
  private state: SceneState | undefined;

  constructor(canvas: HTMLCanvasElement) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true });
    this.scene.background = new THREE.Color(0x0b1020);
    this.camera.position.set(0, 10, 40);
    this.camera.lookAt(0, 10, 0);
    this.resize(canvas.clientWidth || canvas.width, canvas.clientHeight || canvas.height);
  }

  setLayout(_layout: JournalLayout): void {}

  update(state: SceneState): void {
    this.state = state;
  }

  frame(_wallMs: number): void {
    const start = performance.now();
    this.renderer.render(this.scene, this.camera);
    this.lastFrameMs = performance.now() - start;
  }

  pick(_clientX: number, _clientY: number): Subject | undefined {
    return undefined;
  }

  screenPositionOf(_subject: Subject): { x: number; y: number } | undefined {
    return undefined;
  }

  select(_subject: Subject | undefined): void {}

  resize(width: number, height: number): void {
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / Math.max(1, height);
    this.camera.updateProjectionMatrix();
  }

  stats(): SceneStats {
    return {
      frameMs: this.lastFrameMs,
      drawCalls: this.renderer.info.render.calls,
      pods: this.state?.pods.size ?? 0,
      nodes: this.state?.nodes.size ?? 0,
    };
  }

  dispose(): void {
    this.renderer.dispose();
  }
}
