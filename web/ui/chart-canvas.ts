// One chart on a 2D canvas: axes, series (downsampled to the pixel width), phase markers and a
// cursor at the current time. The series layer is cached; a time change only redraws the cursor.
import type { Series } from '../model/types.ts';
import { countExtent, downsample, linearScale, niceTicks, timeTicks, valueAt, valueExtent, type Scale } from './chart-scale.ts';
import { formatValue, seriesColour, seriesLabel, type ChartSpec } from './chart-specs.ts';
import { h } from './dom.ts';
import { formatShortTime } from './mission-time.ts';
import type { PhaseMarker } from './phases.ts';

const PAD = { left: 40, right: 8, top: 6, bottom: 16 };
const INK = { grid: '#1f2a3d', axis: '#8b95a8', marker: '#3b4a66', cursor: '#e6edf7' };

export interface ChartData {
  readonly series: readonly Series[];
  readonly startMs: number;
  readonly endMs: number;
  /** The newest record's time: a held count is drawn up to here, not into a live run's future. */
  readonly headMs: number;
  readonly phases: readonly PhaseMarker[];
}

export class ChartCanvas {
  readonly element: HTMLElement;
  readonly #canvas = h('canvas');
  readonly #cache = document.createElement('canvas');
  readonly #legend = h('div', { class: 'legend' });
  #data: ChartData | undefined;
  #x: Scale = linearScale(0, 1, 0, 1);
  #y: Scale = linearScale(0, 1, 0, 1);
  #size = { w: 0, h: 0, dpr: 1 };
  #legendText = '';

  constructor(
    readonly spec: ChartSpec,
    onSeek: (t: number) => void,
  ) {
    this.element = h('figure', { class: 'chart', testid: `chart-${spec.id}` }, [
      h('figcaption', {}, [h('span', { class: 'chart-title', text: `${spec.title}` }), h('span', { class: 'unit', text: spec.unit }), this.#legend]),
      this.#canvas,
    ]);
    this.#canvas.addEventListener('click', (e) => {
      const r = this.#canvas.getBoundingClientRect();
      onSeek(this.#x.invert(e.clientX - r.left));
    });
  }

  /** New data (a journal opened, records appended) or a new size: redraw the cached series layer. */
  setData(data: ChartData): void {
    this.#data = data;
    this.#measure();
    this.#drawSeries();
  }

  /** Redraws if the element was resized since the series layer was drawn. */
  resized(): boolean {
    const before = `${this.#size.w}x${this.#size.h}`;
    this.#measure();
    if (`${this.#size.w}x${this.#size.h}` === before) return false;
    this.#drawSeries();
    return true;
  }

  #measure(): void {
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.max(50, Math.floor(this.#canvas.clientWidth || 260));
    const hgt = Math.max(40, Math.floor(this.#canvas.clientHeight || 90));
    this.#size = { w, h: hgt, dpr };
    for (const c of [this.#canvas, this.#cache]) {
      if (c.width !== w * dpr || c.height !== hgt * dpr) (c.width = w * dpr), (c.height = hgt * dpr);
    }
  }

  #drawSeries(): void {
    const d = this.#data;
    const { w, h: hgt, dpr } = this.#size;
    const g = this.#cache.getContext('2d');
    if (!d || !g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, hgt);
    const f = this.spec.factor;
    const scaled = f === 1 ? d.series : d.series.map((s) => ({ t: s.t, v: s.v.map((v) => v * f) }));
    const [lo, hi] = this.spec.stepped ? countExtent(scaled) : valueExtent(scaled);
    this.#x = linearScale(d.startMs, Math.max(d.endMs, d.startMs + 1), PAD.left, w - PAD.right);
    this.#y = linearScale(lo, hi, hgt - PAD.bottom, PAD.top);
    g.font = '10px system-ui, sans-serif';
    g.lineWidth = 1;
    // Phase markers first, so the data is drawn over them.
    g.strokeStyle = INK.marker;
    g.setLineDash([2, 3]);
    for (const p of d.phases) line(g, Math.round(this.#x(p.t)) + 0.5, PAD.top, Math.round(this.#x(p.t)) + 0.5, hgt - PAD.bottom);
    g.setLineDash([]);
    g.fillStyle = INK.axis;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const v of niceTicks(lo, hi, Math.max(2, Math.floor((hgt - PAD.top - PAD.bottom) / 22)))) {
      const y = Math.round(this.#y(v)) + 0.5;
      g.strokeStyle = INK.grid;
      line(g, PAD.left, y, w - PAD.right, y);
      g.fillText(formatValue(v), PAD.left - 4, y);
    }
    g.textBaseline = 'top';
    for (const t of timeTicks(d.startMs, d.endMs, Math.max(2, Math.floor(w / 80)))) {
      const label = formatShortTime(t);
      const x = this.#x(t);
      const half = g.measureText(label).width / 2;
      // Edge labels hug the edge instead of being cut off.
      g.textAlign = x + half > w ? 'right' : x - half < 0 ? 'left' : 'center';
      g.fillText(label, g.textAlign === 'right' ? w : g.textAlign === 'left' ? 0 : x, hgt - PAD.bottom + 3);
    }
    g.lineWidth = 1.5;
    scaled.forEach((s, i) => {
      const pts = downsample(s, d.startMs, d.endMs, w - PAD.left - PAD.right);
      g.strokeStyle = seriesColour(i);
      g.beginPath();
      for (let k = 0; k < pts.t.length; k++) {
        const x = this.#x(pts.t[k]!);
        const y = this.#y(pts.v[k]!);
        if (k === 0) g.moveTo(x, y);
        else if (this.spec.stepped) g.lineTo(x, this.#y(pts.v[k - 1]!)), g.lineTo(x, y);
        else g.lineTo(x, y);
      }
      // A held value reaches the end of the data, so a stepped count does not stop short.
      if (this.spec.stepped && pts.t.length > 0) g.lineTo(this.#x(d.headMs), this.#y(pts.v[pts.t.length - 1]!));
      g.stroke();
    });
  }

  /** The cursor and the legend's values at time t. */
  drawCursor(t: number): void {
    const d = this.#data;
    const g = this.#canvas.getContext('2d');
    if (!d || !g) return;
    const { h: hgt, dpr } = this.#size;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.#canvas.width, this.#canvas.height);
    g.drawImage(this.#cache, 0, 0);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const x = Math.round(this.#x(t)) + 0.5;
    g.strokeStyle = INK.cursor;
    g.lineWidth = 1;
    line(g, x, PAD.top, x, hgt - PAD.bottom);
    const legend: string[] = [];
    d.series.forEach((s, i) => {
      const v = valueAt(s, t);
      if (v !== undefined) {
        g.fillStyle = seriesColour(i);
        g.beginPath();
        g.arc(x, this.#y(v * this.spec.factor), 2.5, 0, Math.PI * 2);
        g.fill();
      }
      const name = d.series.length > 1 || this.spec.stepped ? `${seriesLabel(s.name)} ` : '';
      legend.push(`${name}${v === undefined ? '—' : formatValue(v * this.spec.factor)}`);
    });
    // Rebuilt only when a shown value changes: most frames move the cursor within one sample.
    const text = legend.join('|');
    if (text !== this.#legendText) {
      this.#legendText = text;
      this.#legend.replaceChildren(...legend.map((l, i) => h('span', { class: 'val', attrs: { style: `color:${seriesColour(i)}` }, text: l })));
    }
  }
}

function line(g: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  g.beginPath();
  g.moveTo(x0, y0);
  g.lineTo(x1, y1);
  g.stroke();
}
