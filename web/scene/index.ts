// web/scene: the 3D view of the vehicle (three.js). The app creates one VehicleScene on a canvas,
// gives it the journal's layout once, then a SceneState whenever the model moves.
export { VehicleScene } from './vehicle-scene.ts';
export type { SceneStats, Subject } from './types.ts';
export { renderQuality, type RenderQuality } from './render-quality.ts';
// The palette, so a legend in the panels shows the scene's own colours.
export { BUS_COLOR, LINK_DOWN_COLOR, LINK_UP_COLOR, MARKER_COLOR, NODE_COLOR, POD_NOT_READY_COLOR, POD_PHASE_COLOR } from './palette.ts';
