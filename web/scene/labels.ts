// Text sprites (stage names, "pending", ground stations): canvas-drawn in the system font stack, so
// nothing is fetched.
import * as THREE from 'three';

const FONT = '600 48px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A sprite `height` world units tall showing `text`, always facing the camera. */
export function textSprite(text: string, height: number, color = '#e8ecf3'): THREE.Sprite {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.font = FONT;
  const width = Math.ceil(ctx.measureText(text).width) + 24;
  canvas.width = width;
  canvas.height = 64;
  ctx.font = FONT;
  ctx.fillStyle = 'rgba(10,15,28,0.55)';
  ctx.fillRect(0, 0, width, 64);
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 12, 34);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: texture, depthWrite: false }));
  sprite.scale.set((height * width) / 64, height, 1);
  return sprite;
}

export function disposeSprite(sprite: THREE.Sprite): void {
  sprite.material.map?.dispose();
  sprite.material.dispose();
}
