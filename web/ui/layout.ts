// The page's arrangement: header, 3D view in the middle, charts and expectations on the left,
// details, instructor console and event log on the right, the timeline along the bottom.
import type { InjectableSignal } from '../../hal/signals/index.ts';
import { ChartsPanel } from './charts-panel.ts';
import { DetailsPanel } from './details-panel.ts';
import { h } from './dom.ts';
import { ExpectationsPanel } from './expectations-panel.ts';
import { InstructorPanel } from './instructor-panel.ts';
import { installDropZone } from './journal-input.ts';
import { LoadingView, type LoadProgress } from './loading-view.ts';
import { LogPanel } from './log-panel.ts';
import type { HostActions, ViewContext } from './panel.ts';
import { TimelineView, type TimelineActions } from './timeline-view.ts';

export interface LayoutActions extends HostActions, TimelineActions {
  inject(signal: InjectableSignal): string;
  openFile(file: File): void;
  now(): number;
}

export class Layout {
  readonly canvas = h('canvas', { class: 'scene', testid: 'scene' });
  readonly timeline: TimelineView;
  instructor: InstructorPanel | undefined;
  readonly #charts: ChartsPanel;
  readonly #expectations: ExpectationsPanel;
  readonly #details: DetailsPanel;
  readonly #log: LogPanel;
  readonly #right: HTMLElement;
  readonly #welcome: HTMLElement;
  readonly #loading = new LoadingView();
  readonly #notices = h('div', { class: 'notices', testid: 'notices' });
  #lastCtx: ViewContext | undefined;

  constructor(
    root: HTMLElement,
    header: HTMLElement,
    private readonly actions: LayoutActions,
  ) {
    this.timeline = new TimelineView(actions);
    this.#charts = new ChartsPanel(actions, () => actions.now());
    this.#expectations = new ExpectationsPanel(actions);
    this.#details = new DetailsPanel(actions);
    this.#log = new LogPanel(actions);
    const drop = h('div', { class: 'drop-overlay', text: 'Drop a journal (.ndjson) to replay it' });
    this.#welcome = h('div', { class: 'welcome', testid: 'welcome' }, [
      h('h1', { text: 'Kubernetes in Space' }),
      h('p', { text: 'Drop a journal (journal.ndjson from kis run) anywhere on this page, or open one.' }),
      h('button', { class: 'primary', text: 'Open journal…', on: { click: () => (root.querySelector('[data-testid="file-input"]') as HTMLInputElement | null)?.click() } }),
      h('p', { class: 'muted', text: 'kis replay <journal> and kis serve open this page with their run already loaded.' }),
    ]);
    const view = h('main', { class: 'view' }, [this.canvas, this.#welcome, this.#loading.element, this.#notices, drop]);
    this.#right = h('aside', { class: 'side right' }, [this.#details.element, this.#log.element]);
    root.replaceChildren(
      h('div', { class: 'app' }, [
        header,
        h('aside', { class: 'side left' }, [this.#expectations.element, this.#charts.element]),
        view,
        this.#right,
        this.timeline.element,
      ]),
    );
    installDropZone(root, drop, (f) => actions.openFile(f));
  }

  showWelcome(on: boolean): void {
    this.#welcome.hidden = !on;
  }

  /** While a journal loads: the progress card instead of the welcome; undefined when done. */
  progress(p: LoadProgress | undefined): void {
    if (p) this.#welcome.hidden = true;
    this.#loading.show(p);
  }

  /** The console exists only for instructors; a trainee's page never builds it. */
  showInstructor(on: boolean): void {
    if (on && !this.instructor) {
      this.instructor = new InstructorPanel((s) => this.actions.inject(s));
      this.#details.element.after(this.instructor.element);
      if (this.#lastCtx) this.instructor.update(this.#lastCtx);
    } else if (!on && this.instructor) {
      this.instructor.element.remove();
      this.instructor = undefined;
    }
  }

  /** `slow`: also refresh the panels that need not follow every frame. */
  update(ctx: ViewContext, slow: boolean): void {
    this.#lastCtx = ctx;
    this.timeline.update(ctx);
    this.#charts.update(ctx);
    if (!slow) return;
    this.#details.update(ctx);
    this.#log.update(ctx);
    this.#expectations.update(ctx);
    this.instructor?.update(ctx);
  }

  notice(text: string, tone: 'warn' | 'bad'): void {
    const n = h('div', { class: `notice ${tone}` }, [h('span', { text }), h('button', { class: 'small', text: '×', on: { click: () => n.remove() } })]);
    this.#notices.append(n);
  }
}
