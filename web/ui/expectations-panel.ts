// The profile's expectations: pass (green), fail (red, with the moment it failed), pending (grey,
// until a live run is judged). A click seeks to the moment.
import type { ExpectationView } from '../model/types.ts';
import { h, section } from './dom.ts';
import { formatMissionClock } from './mission-time.ts';
import type { HostActions, Panel, ViewContext } from './panel.ts';

const MARK = { pass: '✔', fail: '✖', pending: '…' } as const;

export class ExpectationsPanel implements Panel {
  readonly element: HTMLElement;
  readonly #list = h('ul', { class: 'expect-list', testid: 'expectations-list' });
  readonly #summary = h('span', { class: 'muted count', testid: 'expectations-summary' });
  #key = '';

  constructor(private readonly actions: HostActions) {
    this.element = section('Expectations', 'expectations', this.#list, [this.#summary]);
  }

  update(ctx: ViewContext): void {
    const list = ctx.model.expectations();
    const key = list.map((e) => `${e.name}${e.status}${e.t}`).join('|');
    if (key === this.#key) return;
    this.#key = key;
    const fails = list.filter((e) => e.status === 'fail').length;
    const passes = list.filter((e) => e.status === 'pass').length;
    this.#summary.textContent = list.length === 0 ? '' : `${passes} passed, ${fails} failed${list.length - passes - fails ? `, ${list.length - passes - fails} pending` : ''}`;
    this.#summary.classList.toggle('bad', fails > 0);
    this.#list.replaceChildren(...(list.length === 0 ? [h('li', { class: 'muted', text: 'no expectations in this journal' })] : list.map((e) => this.#row(e))));
  }

  #row(e: ExpectationView): HTMLElement {
    const when = e.t === undefined ? '' : e.status === 'fail' ? `failed at ${formatMissionClock(e.t)}` : `worst at ${formatMissionClock(e.t)}`;
    return h('li', { class: `expect ${e.status}${e.t !== undefined ? ' seekable' : ''}`, testid: `expect-${e.name}`, title: [e.message, when].filter(Boolean).join('\n'), on: { click: () => e.t !== undefined && this.actions.seek(e.t) } }, [
      h('span', { class: 'exp-mark', text: MARK[e.status] }),
      h('div', { class: 'expect-text' }, [
        h('div', {}, [h('b', { text: e.name }), h('span', { class: 'muted', text: ` ${e.type}` })]),
        // Passed ones stay one line (details in the tooltip); a failure says when and why.
        ...(e.status === 'fail' && when ? [h('div', { class: 'when', text: when })] : []),
        ...(e.status === 'fail' && e.message ? [h('div', { class: 'msg', text: e.message })] : []),
      ]),
    ]);
  }
}
