// The event log: signals, actions, Kubernetes events, verdicts; category chips and a text filter;
// rows virtualised; a click seeks to the line's moment and selects its subject.
import type { LogCategory, LogEntry } from '../model/types.ts';
import { h, section } from './dom.ts';
import { DEFAULT_LOG_FILTER, LOG_CATEGORIES, filterLog, lastAtOrBefore, runningMaxTimes, type LogFilter } from './log-filter.ts';
import { formatShortTime } from './mission-time.ts';
import type { HostActions, Panel, ViewContext } from './panel.ts';
import { scrollToCenter, visibleRows } from './virtual-list.ts';

const ROW_PX = 22;

export class LogPanel implements Panel {
  readonly element: HTMLElement;
  readonly #scroller = h('div', { class: 'log-scroll', testid: 'log' });
  readonly #spacer = h('div', { class: 'log-spacer' });
  readonly #rows = h('div', { class: 'log-rows' });
  readonly #count = h('span', { class: 'muted count', testid: 'log-count' });
  readonly #text = h('input', { class: 'log-text', testid: 'log-filter', attrs: { type: 'search', placeholder: 'filter…', 'aria-label': 'Filter the event log' } });
  readonly #chips = new Map<LogCategory, HTMLButtonElement>();
  #filter: LogFilter = DEFAULT_LOG_FILTER;
  #entries: LogEntry[] = [];
  #times: number[] = [];
  #t = Number.NaN;
  #source: readonly LogEntry[] | undefined;
  #sourceLength = -1;
  #current = -1;
  #hovered = false;
  #rendered = '';
  #first = 0;

  constructor(private readonly actions: HostActions) {
    const bar = h('div', { class: 'log-bar' });
    for (const c of LOG_CATEGORIES) {
      const b = h('button', { class: 'chip toggle', text: c, testid: `log-cat-${c}`, attrs: { 'aria-pressed': String(this.#filter.categories.has(c)) } });
      b.addEventListener('click', () => this.#toggle(c));
      this.#chips.set(c, b);
      bar.append(b);
    }
    const warn = h('button', { class: 'chip toggle warn', text: 'warnings', testid: 'log-warn', attrs: { 'aria-pressed': 'false' } });
    warn.addEventListener('click', () => {
      this.#filter = { ...this.#filter, warningsOnly: !this.#filter.warningsOnly };
      warn.setAttribute('aria-pressed', String(this.#filter.warningsOnly));
      this.#refilter();
    });
    bar.append(warn, this.#text);
    this.#text.addEventListener('input', () => {
      this.#filter = { ...this.#filter, text: this.#text.value };
      this.#refilter();
    });
    this.#scroller.append(this.#spacer);
    this.#spacer.append(this.#rows);
    this.#scroller.addEventListener('scroll', () => this.#render());
    this.#scroller.addEventListener('pointerenter', () => (this.#hovered = true));
    this.#scroller.addEventListener('pointerleave', () => (this.#hovered = false));
    this.element = section('Event log', 'log-panel', h('div', { class: 'log-wrap' }, [bar, this.#scroller]), [this.#count]);
    this.element.classList.add('grow');
  }

  #toggle(c: LogCategory): void {
    const next = new Set(this.#filter.categories);
    if (next.has(c)) next.delete(c);
    else next.add(c);
    this.#filter = { ...this.#filter, categories: next };
    this.#chips.get(c)!.setAttribute('aria-pressed', String(next.has(c)));
    this.#refilter();
  }

  #refilter(): void {
    this.#entries = filterLog(this.#source ?? [], this.#filter);
    this.#times = runningMaxTimes(this.#entries);
    this.#sourceLength = this.#source?.length ?? 0;
    this.#count.textContent = `${this.#entries.length} lines`;
    this.#rendered = '';
    this.#render();
  }

  update(ctx: ViewContext): void {
    const all = ctx.model.log();
    if (all === this.#source && all.length > this.#sourceLength) {
      // A live run appended lines: filter only the new tail (the model's log only grows).
      const tail = filterLog(all.slice(this.#sourceLength), this.#filter);
      let max = this.#times.length ? this.#times[this.#times.length - 1]! : -Infinity;
      for (const e of tail) this.#entries.push(e), this.#times.push((max = Math.max(max, e.t)));
      this.#sourceLength = all.length;
      this.#count.textContent = `${this.#entries.length} lines`;
      this.#rendered = '';
      this.#render();
    } else if (all !== this.#source || all.length !== this.#sourceLength) {
      this.#source = all;
      this.#refilter();
    }
    const current = lastAtOrBefore(this.#times, ctx.t);
    const moved = ctx.t !== this.#t;
    this.#t = ctx.t;
    if (current !== this.#current || moved) {
      this.#current = current;
      // Keep the current line in view while time moves, unless the user is reading the list.
      if (!this.#hovered && current >= 0) {
        const top = this.#scroller.scrollTop;
        const y = current * ROW_PX;
        const vp = this.#scroller.clientHeight;
        if (y < top || y + ROW_PX > top + vp) this.#scroller.scrollTop = scrollToCenter(current, vp, ROW_PX, this.#entries.length);
      }
      this.#render();
    }
  }

  #render(): void {
    const w = visibleRows(this.#scroller.scrollTop, this.#scroller.clientHeight || 400, ROW_PX, this.#entries.length);
    const key = `${w.first}:${w.last}:${this.#entries.length}`;
    if (key === this.#rendered) return this.#restyle();
    this.#rendered = key;
    this.#spacer.style.height = `${w.totalPx}px`;
    this.#rows.style.transform = `translateY(${w.offsetPx}px)`;
    const rows: HTMLElement[] = [];
    for (let i = w.first; i < w.last; i++) rows.push(this.#row(this.#entries[i]!));
    this.#rows.replaceChildren(...rows);
    this.#first = w.first;
    this.#restyle();
  }

  /** Time moved: only which rows are current or still ahead changes (no rebuild, a few class flips). */
  #restyle(): void {
    const rows = this.#rows.children;
    for (let k = 0; k < rows.length; k++) {
      const i = this.#first + k;
      const e = this.#entries[i];
      if (!e) continue;
      const row = rows[k]!;
      row.classList.toggle('current', i === this.#current);
      row.classList.toggle('future', e.t > this.#t);
    }
  }

  #row(e: LogEntry): HTMLElement {
    const cls = `log-row ${e.category}${e.severity === 'warn' ? ' warn' : ''}`;
    return h('div', { class: cls, title: e.text, attrs: { 'data-index': String(e.index) }, on: { click: () => this.#click(e) } }, [
      h('span', { class: 'time', text: formatShortTime(e.t, true) }),
      h('span', { class: `cat ${e.category}`, text: e.category }),
      h('span', { class: 'text', text: e.text }),
    ]);
  }

  #click(e: LogEntry): void {
    this.actions.seek(e.t);
    if (e.subject) this.actions.select(e.subject);
  }
}
