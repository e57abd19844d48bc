// The instructor console (hello.role 'instructor' only): fault buttons that send inject messages,
// and the server's injected/refused replies. Choices come from the journal's layout and state.
import type { InjectableSignal } from '../../hal/signals/index.ts';
import type { InjectReply } from '../live/index.ts';
import { h, section } from './dom.ts';
import { buildSignal, describeSignal, type InstructorRequest } from './instructor-form.ts';
import type { Panel, ViewContext } from './panel.ts';

/** The newest replies only: the console must not push the event log off the page. */
const MAX_REPLIES = 3;

type Pick = HTMLSelectElement;

export class InstructorPanel implements Panel {
  readonly element: HTMLElement;
  readonly #stage = this.#select('inj-stage');
  readonly #bus = this.#select('inj-bus');
  readonly #link = this.#select('inj-link');
  readonly #node = this.#select('inj-node');
  readonly #workload = this.#select('inj-workload');
  readonly #volts = h('input', { testid: 'inj-volts', attrs: { type: 'number', step: '0.5', min: '0', value: '22', 'aria-label': 'Brownout volts' } });
  readonly #image = h('input', { testid: 'inj-image', attrs: { type: 'text', placeholder: 'registry.local/app:2.0', 'aria-label': 'Image' } });
  readonly #replies = h('ol', { class: 'replies', testid: 'inj-replies' });
  readonly #pending = new Map<string, string>();
  readonly #answered = new Set<string>();
  #sending: string | undefined;
  #optionsKey = '';
  readonly #rows = new Map<HTMLSelectElement, HTMLElement[]>();
  #lastSelect: HTMLSelectElement | undefined;

  constructor(private readonly inject: (signal: InjectableSignal) => string) {
    const row = (label: string, ...els: HTMLElement[]) => {
      const r = h('div', { class: 'inj-row' }, [h('label', { text: label }), ...els]);
      // Rows act on the select they hold; a profile without buses or links hides those rows.
      const select = els.find((e): e is HTMLSelectElement => e instanceof HTMLSelectElement);
      if (select) this.#rows.set(select, [...(this.#rows.get(select) ?? []), r]);
      else if (this.#lastSelect) this.#rows.set(this.#lastSelect, [...(this.#rows.get(this.#lastSelect) ?? []), r]);
      if (select) this.#lastSelect = select;
      return r;
    };
    const act = (text: string, testid: string, req: () => InstructorRequest, danger = true) =>
      h('button', { class: danger ? 'danger' : '', text, testid, on: { click: () => this.#send(req()) } });
    const body = h('div', { class: 'instructor-body' }, [
      row('stage', this.#stage, act('Separate', 'inj-separate', () => ({ kind: 'separate', stage: this.#stage.value }))),
      row('bus', this.#bus, this.#volts, act('Brown out', 'inj-brownout', () => ({ kind: 'brownout', bus: this.#bus.value, volts: Number(this.#volts.value) }))),
      row('', act('Cut', 'inj-cut', () => ({ kind: 'cut-bus', bus: this.#bus.value })), act('Restore', 'inj-restore-bus', () => ({ kind: 'restore-bus', bus: this.#bus.value }), false)),
      row('link', this.#link, act('Drop', 'inj-drop-link', () => ({ kind: 'drop-link', link: this.#link.value })), act('Restore', 'inj-restore-link', () => ({ kind: 'restore-link', link: this.#link.value }), false)),
      row('node', this.#node, act('Crash', 'inj-crash', () => ({ kind: 'crash-node', node: this.#node.value }))),
      row('workload', this.#workload, this.#image, act('Roll out', 'inj-rollout', () => ({ kind: 'rollout', workload: this.#workload.value, image: this.#image.value }), false)),
      this.#replies,
    ]);
    this.element = section('Instructor', 'instructor', body, [h('span', { class: 'badge warn', text: 'faults go to the live run' })]);
  }

  #select(testid: string): Pick {
    return h('select', { testid });
  }

  update(ctx: ViewContext): void {
    const l = ctx.model.layout;
    const stages = ctx.state.stages.filter((s) => s.separatedAt === undefined).map((s) => s.name);
    const buses = l.buses.length ? l.buses.map((b) => b.name) : [...ctx.state.buses.keys()];
    const links = l.links.length ? l.links.map((x) => x.name) : [...ctx.state.links.keys()];
    const nodes = [...ctx.state.nodes.values()].filter((n) => n.present && n.attached).map((n) => n.name);
    const workloads = l.workloads.map((w) => w.name);
    const key = JSON.stringify([stages, buses, links, nodes, workloads]);
    if (key === this.#optionsKey) return;
    this.#optionsKey = key;
    fillOptions(this.#stage, stages);
    fillOptions(this.#bus, buses);
    fillOptions(this.#link, links);
    fillOptions(this.#node, nodes);
    fillOptions(this.#workload, workloads);
    for (const [select, rows] of this.#rows) for (const r of rows) r.hidden = select.options.length === 0;
  }

  #send(req: InstructorRequest): void {
    const built = buildSignal(req);
    if (!built.ok) {
      this.#note('refused', built.error);
      return;
    }
    const text = describeSignal(built.signal);
    this.#sending = text;
    const id = this.inject(built.signal);
    this.#sending = undefined;
    // A local refusal (not connected) replies before inject() returns: it is listed already.
    if (this.#answered.delete(id)) return;
    this.#pending.set(id, text);
    this.#note('sent', text, id);
  }

  /** A server reply to an injection (or a local refusal). */
  reply(r: InjectReply): void {
    const id = r.requestId;
    const what = (id !== undefined ? this.#pending.get(id) : undefined) ?? this.#sending ?? (r.type === 'injected' ? describeSignal(r.signal) : 'request');
    if (id !== undefined && !this.#pending.delete(id) && this.#sending !== undefined) this.#answered.add(id);
    const existing = id !== undefined ? this.#replies.querySelector(`[data-request="${CSS.escape(id)}"]`) : null;
    existing?.remove();
    if (r.type === 'injected') this.#note('injected', what);
    else this.#note('refused', `${what}: ${r.reason}`);
  }

  #note(kind: 'sent' | 'injected' | 'refused', text: string, requestId?: string): void {
    const li = h('li', { class: kind, attrs: requestId ? { 'data-request': requestId } : {} }, [h('span', { class: 'badge', text: kind }), ` ${text}`]);
    this.#replies.prepend(li);
    while (this.#replies.children.length > MAX_REPLIES) this.#replies.lastElementChild?.remove();
  }
}

function fillOptions(select: HTMLSelectElement, values: readonly string[]): void {
  const keep = select.value;
  select.replaceChildren(...values.map((v) => h('option', { text: v, attrs: { value: v } })));
  if (values.includes(keep)) select.value = keep;
}
