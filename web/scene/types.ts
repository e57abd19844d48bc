// The scene's own small vocabulary: what can be picked and selected.
/** A node (key = node name) or a pod (key = "namespace/name"). */
export type Subject = { kind: 'node' | 'pod'; key: string };

export interface SceneStats {
  /** JS time of the last frame() (update excluded), ms. */
  frameMs: number;
  drawCalls: number;
  pods: number;
  nodes: number;
}
