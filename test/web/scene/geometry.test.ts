import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import type { JournalLayout, NodeView } from '../../../web/model/types.ts';
import { fitCamera } from '../../../web/scene/camera-fit.ts';
import { placeLocal, writeYawMatrix } from '../../../web/scene/instance-math.ts';
import { linkSegments, stationPosition } from '../../../web/scene/link-geometry.ts';
import { EXTRA_STAGE, extraNodes, stackInput } from '../../../web/scene/stack-input.ts';
import { nodeView } from './fixtures.ts';

describe('writeYawMatrix', () => {
  it.each([
    [1, 2, 3, 0, 1, 1, 1],
    [-4, 0.5, 7, 0.7, 0.2, 0.3, 0.4],
    [0, 0, 0, Math.PI, 2, 2, 2],
  ])('matches Matrix4.compose at (%f, %f, %f) yaw %f', (x, y, z, yaw, sx, sy, sz) => {
    const a = new Float32Array(16);
    writeYawMatrix(a, 0, x, y, z, yaw, sx, sy, sz);
    const m = new THREE.Matrix4().compose(new THREE.Vector3(x, y, z), new THREE.Quaternion().setFromEuler(new THREE.Euler(0, yaw, 0)), new THREE.Vector3(sx, sy, sz));
    m.elements.forEach((e, i) => expect(a[i]).toBeCloseTo(e, 5));
    const p = placeLocal(x, y, z, yaw, 0.3, -0.2, 0.1);
    const q = new THREE.Vector3(0.3, -0.2, 0.1).applyMatrix4(new THREE.Matrix4().compose(new THREE.Vector3(x, y, z), new THREE.Quaternion().setFromEuler(new THREE.Euler(0, yaw, 0)), new THREE.Vector3(1, 1, 1)));
    expect(p[0]).toBeCloseTo(q.x);
    expect(p[1]).toBeCloseTo(q.y);
    expect(p[2]).toBeCloseTo(q.z);
  });
});

describe('linkSegments', () => {
  it('is one segment when up, two stubs with a gap when lost', () => {
    expect(linkSegments([0, 0, 0], [10, 0, 0], true)).toEqual([[0, 0, 0], [10, 0, 0]]);
    const down = linkSegments([0, 0, 0], [10, 0, 0], false);
    expect(down).toHaveLength(4);
    expect(down[1]![0]).toBeCloseTo(3.5);
    expect(down[2]![0]).toBeCloseTo(6.5);
  });

  it('puts stations apart, off the stack', () => {
    const a = stationPosition(0, 3);
    const b = stationPosition(1, 3);
    expect(Math.hypot(a[0], a[2])).toBeGreaterThan(3 * 2);
    expect(a).not.toEqual(b);
  });
});

describe('fitCamera', () => {
  it('stands further back for a taller stack and aims at its middle', () => {
    const small = fitCamera(10, 10, 40, 1.6);
    const tall = fitCamera(100, 10, 40, 1.6);
    const dist = (f: ReturnType<typeof fitCamera>): number => Math.hypot(f.position[0] - f.target[0], f.position[1] - f.target[1], f.position[2] - f.target[2]);
    expect(dist(tall)).toBeGreaterThan(dist(small));
    expect(tall.target[1]).toBeGreaterThan(0);
    expect(tall.target[1]).toBeLessThan(100);
    expect(tall.position[2]).toBeGreaterThan(0);
  });
});

const layout: JournalLayout = {
  startMs: 0,
  durationMs: 1,
  stages: [
    { name: 's1', order: 1, nodes: [{ name: 'a', role: 'worker', cpuMillicores: 0, memoryBytes: 0 }] },
    { name: 's2', order: 2, nodes: [{ name: 'b', role: 'worker', cpuMillicores: 0, memoryBytes: 0 }], massKg: 5 },
  ],
  buses: [],
  links: [],
  workloads: [],
  expectations: [],
  phases: [],
};

const view = (name: string, stage?: string): NodeView => nodeView(name, stage ? { stage } : {});

describe('stackInput', () => {
  it('adds nodes the layout does not know to their stage, or to a stage of their own on top', () => {
    const nodes = new Map([['a', view('a')], ['z', view('z', 's1')], ['y', view('y')], ['b', view('b')]]);
    const extra = extraNodes(layout, nodes);
    expect(extra).toEqual(['y', 'z']);
    const input = stackInput(layout, extra, nodes);
    expect(input.map((s) => [s.name, s.order, s.nodes])).toEqual([
      ['s1', 1, ['a', 'z']],
      ['s2', 2, ['b']],
      [EXTRA_STAGE, 3, ['y']],
    ]);
    expect(input[1]!.massKg).toBe(5);
  });

  it('is the layout alone when the state adds nothing', () => {
    expect(stackInput(layout, []).map((s) => s.name)).toEqual(['s1', 's2']);
  });
});
