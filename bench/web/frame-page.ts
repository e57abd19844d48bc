// The bench page's script: loads a journal (a golden fixture, or the synthetic 1,000-node one) into the
// model and the scene, and exposes measurements to the bench through window.kisFrameBench.
import { createJournalModel, parseJournalText, type JournalModel, type SceneState } from '../../web/model/index.ts';
import { VehicleScene, type Subject } from '../../web/scene/index.ts';
import { syntheticRecords } from './synthetic-journal.ts';

export interface FrameBenchApi {
  readonly ready: Promise<{ startMs: number; endMs: number; nodes: number; pods: number }>;
  seek(t: number): number;
  /** Renders `n` frames back to back; frame() JS times in ms. */
  frames(n: number): number[];
  /** A copy of the current state with `fraction` of its pods changed phase: update() time in ms. */
  churn(fraction: number): number;
  /** `n` frames paced by requestAnimationFrame: wall ms per frame, GPU and compositor included. */
  rafFrames(n: number): Promise<number>;
  /** Renders a frame and says what share of the canvas differs from the background (a blank check). */
  drawnFraction(): number;
  stats(): ReturnType<VehicleScene['stats']>;
  /** Gives the scene its model's layout again. */
  relayout(): void;
  screenPositionOf(subject: Subject): { x: number; y: number } | undefined;
  pick(x: number, y: number): Subject | undefined;
  select(subject: Subject | undefined): void;
  firstPodKey(): string | undefined;
}

const canvas = document.getElementById('scene') as HTMLCanvasElement;
const scene = new VehicleScene(canvas);
scene.resize(canvas.clientWidth, canvas.clientHeight);
let model: JournalModel | undefined;
let state: SceneState | undefined;
let wall = 0;

async function load(): Promise<JournalModel> {
  const params = new URLSearchParams(location.search);
  const golden = params.get('golden');
  if (golden) {
    const text = await (await fetch(`/test/fixtures/golden/${golden}.journal.ndjson`)).text();
    const parsed = parseJournalText(text);
    return createJournalModel(parsed.header, parsed.records);
  }
  const nodes = Number(params.get('nodes') ?? 1000);
  const pods = Number(params.get('pods') ?? 30000);
  const [header, ...records] = syntheticRecords({ nodes, pods, stages: 3, durationMs: 600_000, seed: 7, churnPerSecond: 0 });
  return createJournalModel(header, records);
}

function seek(t: number): number {
  const s = model!.stateAt(t);
  const start = performance.now();
  scene.update(s);
  state = s;
  return performance.now() - start;
}

const api: FrameBenchApi = {
  ready: load().then(async (m) => {
    model = m;
    scene.setLayout(m.layout);
    // preview=1: the vehicle only, as the app draws it from the header while a journal loads.
    if (new URLSearchParams(location.search).get('preview') === '1') {
      await scene.preview();
      return { startMs: m.startMs, endMs: m.endMs, nodes: 0, pods: 0 };
    }
    const t = Number(new URLSearchParams(location.search).get('t') ?? m.endMs);
    seek(t);
    scene.frame((wall += 16));
    return { startMs: m.startMs, endMs: m.endMs, nodes: state!.nodes.size, pods: state!.pods.size };
  }),
  seek,
  frames(n) {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      scene.frame((wall += 16));
      out.push(scene.stats().frameMs);
    }
    return out;
  },
  churn(fraction) {
    const s = state!;
    const pods = new Map(s.pods);
    const every = Math.max(1, Math.round(1 / fraction));
    let i = 0;
    for (const [key, p] of s.pods) {
      if (i++ % every !== 0) continue;
      pods.set(key, { ...p, phase: p.phase === 'Running' ? 'Terminating' : 'Running', ready: !p.ready });
    }
    const next: SceneState = { ...s, pods };
    const start = performance.now();
    scene.update(next);
    state = next;
    return performance.now() - start;
  },
  rafFrames(n) {
    return new Promise((resolve) => {
      let left = n;
      let first = 0;
      const tick = (now: number): void => {
        if (first === 0) first = now;
        scene.frame(now);
        if (--left > 0) requestAnimationFrame(tick);
        else resolve((now - first) / Math.max(1, n - 1));
      };
      requestAnimationFrame(tick);
    });
  },
  drawnFraction() {
    scene.frame((wall += 16));
    // Read in the same task as the render: the drawing buffer is not preserved past it.
    const copy = document.createElement('canvas');
    copy.width = 160;
    copy.height = 100;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0, copy.width, copy.height);
    const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let drawn = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - 0x0a) + Math.abs(px[i + 1]! - 0x0f) + Math.abs(px[i + 2]! - 0x1c) > 24) drawn++;
    return drawn / (px.length / 4);
  },
  stats: () => scene.stats(),
  relayout: () => scene.setLayout(model!.layout),
  screenPositionOf: (subject) => scene.screenPositionOf(subject),
  pick: (x, y) => scene.pick(x, y),
  select: (subject) => scene.select(subject),
  firstPodKey: () => state?.pods.keys().next().value,
};
(window as unknown as { kisFrameBench: FrameBenchApi }).kisFrameBench = api;
