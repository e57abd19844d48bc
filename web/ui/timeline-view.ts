// The timeline: play/pause, speed, mission clock, a scrubber with phase and failure markers, and
// the "live" button that returns to the head of a live run.
import { h } from './dom.ts';
import { formatMissionClock, formatShortTime } from './mission-time.ts';
import type { Panel, ViewContext } from './panel.ts';
import type { Playback, Speed } from './playback.ts';
import { labelRows, estimateLabelWidth } from './timeline-labels.ts';
import { linearScale, timeTicks } from './chart-scale.ts';
import { viewRange } from './view-range.ts';

export interface TimelineActions {
  seek(t: number): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  goLive(): void;
}

export class TimelineView implements Panel {
  readonly element: HTMLElement;
  readonly #play = h('button', { class: 'play', testid: 'play', title: 'Play / pause (space)', text: '▶' });
  readonly #speed = h('select', { class: 'speed', testid: 'speed', title: 'Playback speed' });
  readonly #clock = h('div', { class: 'clock', testid: 'mission-clock', text: 'T+00:00:00' });
  readonly #phase = h('div', { class: 'phase-name', testid: 'phase' });
  readonly #track = h('div', { class: 'track', testid: 'scrubber', attrs: { role: 'slider', 'aria-label': 'Mission time', tabindex: '0' } });
  readonly #fill = h('div', { class: 'fill' });
  /** How far the records go: in a live run, short of the planned end. */
  readonly #head = h('div', { class: 'head' });
  readonly #thumb = h('div', { class: 'thumb' });
  readonly #marks = h('div', { class: 'marks' });
  readonly #ticks = h('div', { class: 'ticks' });
  readonly #live = h('button', { class: 'live-btn', testid: 'go-live', text: '● LIVE', title: 'Follow the newest records' });
  readonly #hover = h('div', { class: 'hover-time', testid: 'scrubber-hover' });
  #range = { start: 0, end: 1 };
  #marksKey = '';
  #following = false;

  constructor(private readonly actions: TimelineActions) {
    for (const s of [1, 10, 60, 600] as const) this.#speed.append(h('option', { text: `${s}×`, attrs: { value: String(s) } }));
    this.#play.addEventListener('click', () => actions.togglePlay());
    this.#speed.addEventListener('change', () => actions.setSpeed(Number(this.#speed.value) as Speed));
    this.#live.addEventListener('click', () => actions.goLive());
    this.#live.hidden = true;
    this.#hover.hidden = true;
    this.#track.append(this.#ticks, this.#head, this.#fill, this.#marks, this.#thumb, this.#hover);
    this.#track.addEventListener('pointerdown', (e) => {
      this.#track.setPointerCapture(e.pointerId);
      this.#seekAt(e.clientX);
    });
    this.#track.addEventListener('pointermove', (e) => {
      if (this.#track.hasPointerCapture(e.pointerId)) this.#seekAt(e.clientX);
      // Where a click would land, before it lands.
      const f = this.#fraction(e.clientX);
      this.#hover.hidden = false;
      this.#hover.style.left = `${(f * 100).toFixed(3)}%`;
      this.#hover.textContent = formatShortTime(this.#range.start + f * (this.#range.end - this.#range.start));
    });
    this.#track.addEventListener('pointerleave', () => (this.#hover.hidden = true));
    this.element = h('footer', { class: 'timeline', testid: 'timeline' }, [
      h('div', { class: 'transport' }, [this.#play, this.#speed]),
      h('div', { class: 'clock-box' }, [this.#clock, this.#phase]),
      this.#track,
      this.#live,
    ]);
  }

  #fraction(clientX: number): number {
    const r = this.#track.getBoundingClientRect();
    return Math.min(1, Math.max(0, (clientX - r.left) / Math.max(1, r.width)));
  }

  #seekAt(clientX: number): void {
    this.actions.seek(this.#range.start + this.#fraction(clientX) * (this.#range.end - this.#range.start));
  }

  /** Transport state (playing, speed, live) — separate from the data context. */
  setPlayback(p: Playback, live: boolean): void {
    this.#play.textContent = p.playing ? '❚❚' : '▶';
    this.#play.classList.toggle('on', p.playing);
    if (this.#speed.value !== String(p.speed)) this.#speed.value = String(p.speed);
    this.#live.hidden = !live;
    this.#live.classList.toggle('following', p.follow);
    this.#following = p.follow;
    // Back at the head: say so at once, not a frame later (a software-rendered frame can take 100+ ms).
    if (p.follow) this.#live.textContent = '● LIVE';
  }

  update(ctx: ViewContext): void {
    const { startMs: start, endMs: end } = viewRange(ctx.model);
    const frac = (t: number) => `${(Math.min(1, Math.max(0, (t - start) / (end - start))) * 100).toFixed(3)}%`;
    const pct = frac(ctx.t);
    this.#fill.style.width = pct;
    this.#thumb.style.left = pct;
    this.#head.style.width = frac(ctx.model.endMs);
    // Scrubbed back in a live run: the button says how far behind the head the view is.
    const lag = ctx.model.endMs - ctx.t;
    this.#live.textContent = this.#following || lag <= 0 ? '● LIVE' : `● LIVE −${formatShortTime(lag).slice(2)}`;
    this.#clock.textContent = formatMissionClock(ctx.t);
    this.#phase.textContent = ctx.state.phase;
    this.#track.setAttribute('aria-valuetext', formatMissionClock(ctx.t));
    const failed = ctx.model.expectations().filter((e) => e.status === 'fail' && e.t !== undefined);
    const key = `${start}|${end}|${ctx.phases.map((p) => `${p.t}${p.name}`).join()}|${failed.map((e) => e.name).join()}|${this.#track.clientWidth}`;
    this.#range = { start, end };
    if (key !== this.#marksKey) {
      this.#marksKey = key;
      this.#drawMarks(ctx, failed, start, end);
    }
  }

  #drawMarks(ctx: ViewContext, failed: ReturnType<ViewContext['model']['expectations']>, start: number, end: number): void {
    const width = this.#track.clientWidth || 800;
    const x = linearScale(start, end, 0, width);
    const pct = (t: number) => `${(((t - start) / (end - start)) * 100).toFixed(3)}%`;
    const rows = labelRows(ctx.phases.map((p) => x(p.t)), ctx.phases.map((p) => estimateLabelWidth(p.name)));
    const marks: HTMLElement[] = ctx.phases.map((p, i) => {
      const row = rows[i]!;
      return h('div', { class: `mark ${p.kind}`, title: `${p.name} ${formatMissionClock(p.t)}`, attrs: { style: `left:${pct(p.t)}` }, on: { pointerdown: (e) => (e.stopPropagation(), this.actions.seek(p.t)) } }, row < 0 ? [] : [h('span', { class: `label row${row}`, text: p.name })]);
    });
    for (const e of failed) {
      marks.push(h('div', { class: 'mark failed', title: `${e.name} failed ${formatMissionClock(e.t!)}`, attrs: { style: `left:${pct(e.t!)}` }, on: { pointerdown: (ev) => (ev.stopPropagation(), this.actions.seek(e.t!)) } }));
    }
    this.#marks.replaceChildren(...marks);
    this.#ticks.replaceChildren(...timeTicks(start, end, Math.max(2, Math.floor(width / 110))).map((t) => h('span', { class: 'tick', text: formatShortTime(t), attrs: { style: `left:${pct(t)}` } })));
  }
}
