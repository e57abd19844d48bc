// The charts panel: one ChartCanvas per chart the journal has data for (chart-specs.ts); data layers
// redrawn when records arrive (at most twice a second in a live run), cursors every time change.
import type { Series } from '../model/types.ts';
import { ChartCanvas } from './chart-canvas.ts';
import { chartSpecs } from './chart-specs.ts';
import { viewRange } from './view-range.ts';
import { h, section } from './dom.ts';
import type { HostActions, Panel, ViewContext } from './panel.ts';

/** A live run appends many times a second; its charts' data layers redraw at most this often. */
const REDRAW_EVERY_MS = 500;
/** More workloads than this and a pods chart draws their total (a legend of 200 names reads as noise). */
const MAX_LINES = 8;

export class ChartsPanel implements Panel {
  readonly element: HTMLElement;
  readonly #body = h('div', { class: 'charts-body' });
  #charts: ChartCanvas[] = [];
  #specKey = '';
  #revision = -1;
  #drawnAt = -Infinity;
  #t = Number.NaN;

  constructor(
    private readonly actions: HostActions,
    private readonly now: () => number,
  ) {
    this.element = section('Charts', 'charts', this.#body);
  }

  update(ctx: ViewContext): void {
    const m = ctx.model;
    const pods = m.podSeries();
    const specs = chartSpecs(m.seriesNames(), pods.map((p) => p.name));
    const key = specs.map((s) => `${s.id}:${s.series.join(',')}`).join('|');
    if (key !== this.#specKey) {
      this.#specKey = key;
      this.#charts = specs.map((s) => new ChartCanvas(s, (t) => this.actions.seek(t)));
      this.#body.replaceChildren(...(this.#charts.length ? this.#charts.map((c) => c.element) : [h('div', { class: 'muted', text: 'no telemetry in this journal' })]));
      this.#revision = -1;
    }
    const due = ctx.revision !== this.#revision && this.now() - this.#drawnAt >= REDRAW_EVERY_MS;
    let redrew = false;
    if (due || this.#revision === -1) {
      const byName = new Map<string, Series>(pods.map((p) => [p.name, p]));
      const totals = m.podTotals();
      for (const c of this.#charts) {
        let series = c.spec.series.map((n) => m.series(n) ?? byName.get(n)).filter((s): s is Series => s !== undefined);
        if (c.spec.stepped && series.length > MAX_LINES) {
          const total = c.spec.series.every((n) => n.startsWith('ready/')) ? totals.ready : totals.pending;
          series = [{ name: `total of ${series.length} workloads`, t: total.t, v: total.v }];
        }
        c.setData({ series, ...viewRange(m), headMs: m.endMs, phases: ctx.phases });
      }
      this.#revision = ctx.revision;
      this.#drawnAt = this.now();
      redrew = true;
    } else {
      for (const c of this.#charts) redrew = c.resized() || redrew;
    }
    if (redrew || ctx.t !== this.#t) {
      this.#t = ctx.t;
      for (const c of this.#charts) c.drawCursor(ctx.t);
    }
  }
}
