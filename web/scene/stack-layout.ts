// Where everything sits on the vehicle: stage cylinders stacked bottom-up, nodes in rings on their
// stage's skin (pure geometry, in stage-local coordinates so a separating stage carries its nodes).

/** Node box size and the pitch between neighbours on the skin (world units ≈ metres). */
export const NODE_SIZE = { w: 1.3, h: 1.0, d: 0.3 } as const;
export const NODE_PITCH = { x: 1.55, y: 1.3 } as const;
const MIN_RADIUS = 2.4;
const STAGE_MARGIN = 0.6;
const INTERSTAGE_GAP = 0.12;
/** The camera looks along -z: partly filled rings are packed around +z, facing it. */
const FRONT_ANGLE = Math.PI / 2;

export interface StackStageInput {
  readonly name: string;
  readonly order: number;
  readonly nodes: readonly string[];
  readonly massKg?: number;
}

/** A node's mount: position in its stage group, and yaw (about +y) turning the box's +z outward. */
export interface NodeSlot {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly yaw: number;
}

export interface StageGeometry {
  readonly name: string;
  readonly order: number;
  /** World y of the stage's bottom; its group sits at (0, baseY + height / 2, 0). */
  readonly baseY: number;
  readonly height: number;
  readonly radius: number;
  /** Keyed by node name; positions relative to the stage's centre. */
  readonly slots: ReadonlyMap<string, NodeSlot>;
}

export interface StackGeometry {
  readonly stages: readonly StageGeometry[];
  readonly radius: number;
  readonly height: number;
  readonly nodesPerRing: number;
}

/**
 * One radius for the whole stack, from its most crowded stage: wide enough that the stage's rings
 * are about 1.5 radii tall (a rocket-like shape rather than a pancake or a needle).
 */
export function stackRadius(maxNodesPerStage: number): number {
  const area = maxNodesPerStage * NODE_PITCH.x * NODE_PITCH.y;
  return Math.max(MIN_RADIUS, Math.sqrt(area / (3 * Math.PI)));
}

export function nodesPerRing(radius: number): number {
  return Math.max(1, Math.floor((2 * Math.PI * radius) / NODE_PITCH.x));
}

/**
 * Height of a stage: room for its rings of nodes, and — when the layout knows masses — a share of a
 * 3.5-radius first stage by the square root of its mass (Falcon 9-like stacks look the part).
 */
export function stageHeight(nodes: number, perRing: number, radius: number, massKg?: number, maxMassKg?: number): number {
  const rings = Math.ceil(nodes / perRing);
  const forNodes = rings * NODE_PITCH.y + 2 * STAGE_MARGIN;
  const forMass = massKg && maxMassKg ? 3.5 * radius * Math.sqrt(massKg / maxMassKg) : 0;
  return Math.max(forNodes, forMass, 2 * STAGE_MARGIN + NODE_PITCH.y);
}

/** Node mounts of one stage: rings filled bottom-up, each ring packed around the front. */
export function ringSlots(nodes: readonly string[], perRing: number, radius: number): Map<string, NodeSlot> {
  const slots = new Map<string, NodeSlot>();
  const rings = Math.ceil(nodes.length / perRing);
  const bottom = -(rings * NODE_PITCH.y) / 2 + NODE_PITCH.y / 2;
  const step = (2 * Math.PI) / perRing;
  const r = radius + NODE_SIZE.d / 2;
  nodes.forEach((name, i) => {
    const ring = Math.floor(i / perRing);
    const inRing = Math.min(perRing, nodes.length - ring * perRing);
    const k = i - ring * perRing;
    // Decreasing angle runs left to right as the camera (on +z) sees it: layout order reads left to right.
    const theta = FRONT_ANGLE - (k - (inRing - 1) / 2) * step;
    slots.set(name, {
      x: r * Math.cos(theta),
      y: bottom + ring * NODE_PITCH.y,
      z: r * Math.sin(theta),
      yaw: Math.PI / 2 - theta,
    });
  });
  return slots;
}

/** The whole stack: stages sorted by order (1 at the bottom), stacked with a small interstage gap. */
export function layoutStack(input: readonly StackStageInput[]): StackGeometry {
  const sorted = [...input].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const maxNodes = sorted.reduce((m, s) => Math.max(m, s.nodes.length), 0);
  const maxMass = sorted.reduce((m, s) => Math.max(m, s.massKg ?? 0), 0);
  const radius = stackRadius(maxNodes);
  const perRing = nodesPerRing(radius);
  let y = 0;
  const stages = sorted.map((s): StageGeometry => {
    const height = stageHeight(s.nodes.length, perRing, radius, s.massKg, maxMass || undefined);
    const g = { name: s.name, order: s.order, baseY: y, height, radius, slots: ringSlots(s.nodes, perRing, radius) };
    y += height + INTERSTAGE_GAP;
    return g;
  });
  return { stages, radius, height: Math.max(0, y - INTERSTAGE_GAP), nodesPerRing: perRing };
}
