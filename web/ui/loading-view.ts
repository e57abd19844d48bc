// The card over the 3D view while a journal loads: how far (records and a bar), so a one-hour journal's
// second or two reads as progress, not as a frozen page. Pure wording in loadingText (tested).
import { h } from './dom.ts';

export interface LoadProgress {
  /** Records read so far. */
  readonly done: number;
  /** Records in all, when the source says (a backlog's count, a hello's recordCount). */
  readonly total?: number;
  /** Read, now being indexed for seeking (the last, silent part of a load). */
  readonly indexing?: boolean;
}

export function loadingText(p: LoadProgress): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  if (p.indexing) return `Indexing ${n(p.done)} records for seeking…`;
  if (p.total === undefined || p.total <= 0) return p.done > 0 ? `Loading the journal… ${n(p.done)} records` : 'Loading the journal…';
  return `Loading the journal… ${n(p.done)} of ${n(p.total)} records (${Math.floor((100 * Math.min(p.done, p.total)) / p.total)}%)`;
}

/** 0..1 for the bar; undefined when the total is unknown (an indeterminate bar). */
export function loadingFraction(p: LoadProgress): number | undefined {
  if (p.indexing) return 1;
  return p.total !== undefined && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
}

export class LoadingView {
  readonly element: HTMLElement;
  readonly #text = h('p', { testid: 'loading-text' });
  readonly #bar = h('progress', { testid: 'loading-bar', attrs: { max: '1' } });
  #shown = '';

  constructor() {
    this.element = h('div', { class: 'welcome loading', testid: 'loading' }, [h('h1', { text: 'Kubernetes in Space' }), this.#text, this.#bar]);
    this.element.hidden = true;
  }

  /** Shows `p`, or hides the card (undefined). Cheap when nothing visible changed. */
  show(p: LoadProgress | undefined): void {
    this.element.hidden = p === undefined;
    if (!p) return;
    const text = loadingText(p);
    if (text === this.#shown) return;
    this.#shown = text;
    this.#text.textContent = text;
    const f = loadingFraction(p);
    if (f === undefined) this.#bar.removeAttribute('value');
    else this.#bar.value = f;
  }
}
