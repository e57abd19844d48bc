// Which renderers count as software rasterisers, and what quality each gets.
import { describe, expect, it } from 'vitest';
import { renderQuality } from '../../../web/scene/index.ts';

describe('renderQuality', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['Google SwiftShader', true],
    ['llvmpipe (LLVM 15.0.7, 256 bits)', true],
    ['Mesa softpipe', true],
    ['ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)', true],
    ['lavapipe (LLVM 17)', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3070 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)', false],
    ['Mesa Intel(R) UHD Graphics 620 (KBL GT2)', false],
    ['WebKit WebGL', false],
  ])('%s → software %s', (name, software) => {
    const q = renderQuality(name);
    expect(q).toEqual({ renderer: name, software, antialias: !software, maxPixelRatio: software ? 1 : 2 });
  });

  it('treats a renderer that does not say its name as a GPU (full quality)', () => {
    expect(renderQuality(undefined)).toMatchObject({ software: false, antialias: true, maxPixelRatio: 2 });
  });
});
