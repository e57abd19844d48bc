// The 3D scene as the host uses it: the VehicleScene's surface, click-to-pick (a drag is the orbit
// controls', not a pick) and keeping the renderer sized to its box.
import type { VehicleScene } from '../scene/index.ts';
import type { Subject } from './panel.ts';

export type SceneLike = Pick<VehicleScene, 'setLayout' | 'preview' | 'update' | 'frame' | 'pick' | 'select' | 'resize' | 'stats' | 'dispose' | 'screenPositionOf'>;

/** Pointer travel (px) beyond which a press is a drag, not a click. */
const CLICK_SLOP_PX = 4;

export function attachPicking(canvas: HTMLCanvasElement, scene: SceneLike, select: (s: Subject | undefined) => void): void {
  let down: { x: number; y: number } | undefined;
  canvas.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }));
  canvas.addEventListener('pointerup', (e) => {
    if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP_PX) return;
    down = undefined;
    // A click on empty space clears the selection, as in most 3D tools.
    select(scene.pick(e.clientX, e.clientY));
  });
  new ResizeObserver(() => scene.resize(canvas.clientWidth, canvas.clientHeight)).observe(canvas);
}
