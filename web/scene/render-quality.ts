// How much rendering to ask of the graphics stack: full quality on a GPU, a lighter setting on a software
// rasteriser (SwiftShader in headless or GPU-less Chromium, Mesa's llvmpipe, Windows' Basic Render Driver).
// There every pixel is CPU work: 4× MSAA multiplies it, and `npm run bench -- web-load` measured a one-hour
// journal's page drawn ~0.35 s later with it on SwiftShader, with 0.8 s more CPU spent over the load (the
// compositor resolves the multisampled canvas each time the progress card repaints).

export interface RenderQuality {
  /** The GL renderer's name, when the browser tells it. */
  readonly renderer: string | undefined;
  readonly software: boolean;
  /** Multisample anti-aliasing (a context attribute: fixed when the renderer is created). */
  readonly antialias: boolean;
  /** Upper bound for devicePixelRatio: a HiDPI canvas is 4× the pixels. */
  readonly maxPixelRatio: number;
}

/** Software rasterisers as they name themselves in UNMASKED_RENDERER_WEBGL / RENDERER. */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|lavapipe|basic render driver|software/i;

/** The quality for a renderer name; an unknown renderer is assumed to be a GPU (the browser hid its name). */
export function renderQuality(renderer: string | undefined): RenderQuality {
  const software = renderer !== undefined && SOFTWARE_RENDERERS.test(renderer);
  return { renderer, software, antialias: !software, maxPixelRatio: software ? 1 : 2 };
}

/**
 * Asks a throwaway WebGL context who renders (a few ms), then gives it back: the real renderer's
 * context attributes cannot change once made. The unmasked name where the browser offers it.
 */
export function probeRenderer(doc: Document = document): string | undefined {
  const canvas = doc.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return undefined;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    return typeof name === 'string' && name !== '' ? name : undefined;
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
