// The scene's own small vocabulary: what can be picked and selected.
/** A node (key = node name) or a pod (key = "namespace/name"). */
export type Subject = { kind: 'node' | 'pod'; key: string };

export interface SceneStats {
  /** JS time of the last frame() (update excluded), ms. */
  frameMs: number;
  drawCalls: number;
  pods: number;
  nodes: number;
  /** Drawn by a software rasteriser (so without MSAA, at most 1 device pixel per CSS pixel). */
  software: boolean;
  /** Times the vehicle was built (a new layout, or nodes the layout did not list). */
  builds: number;
}
