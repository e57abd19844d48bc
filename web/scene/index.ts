// web/scene: the 3D view of the vehicle (three.js). The app creates one VehicleScene on a canvas,
// gives it the journal's layout once, then a SceneState whenever the model moves.
export { VehicleScene } from './vehicle-scene.ts';
export type { SceneStats, Subject } from './types.ts';
