// The page header: what is shown (vehicle, profile), how (live or replay), the connection (behind by
// N, reconnecting…), who you are (instructor or trainee), and the journal picker.
import type { JournalHeader, LiveRole } from '../../hal/signals/index.ts';
import type { Connection } from '../live/index.ts';
import { h } from './dom.ts';

export interface HeaderInfo {
  readonly header?: JournalHeader;
  readonly mode: 'live' | 'replay' | 'file' | 'none';
  /** Undefined when the page has no server connection (a dropped file). */
  readonly connection?: Connection;
  readonly behind: number;
  readonly role?: LiveRole;
  readonly problem?: string;
  readonly fileName?: string;
}

/** The connection badge's words and tone (pure; tested). */
export function connectionLabel(info: HeaderInfo): { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' } {
  switch (info.connection) {
    case undefined:
      return info.mode === 'file' ? { text: info.fileName ? `file ${info.fileName}` : 'file', tone: 'muted' } : { text: 'no journal', tone: 'muted' };
    case 'connecting':
      return { text: 'connecting…', tone: 'warn' };
    case 'reconnecting':
      return { text: 'reconnecting…', tone: 'bad' };
    case 'closed':
      return { text: 'disconnected', tone: 'bad' };
    case 'ended':
      return info.behind > 0 ? { text: `loading, behind by ${info.behind}`, tone: 'warn' } : { text: info.mode === 'live' ? 'run ended' : 'loaded', tone: 'muted' };
    case 'open':
      return info.behind > 0 ? { text: `behind by ${info.behind}`, tone: 'warn' } : { text: 'connected', tone: 'ok' };
  }
}

export class HeaderView {
  readonly element: HTMLElement;
  readonly #title = h('div', { class: 'title', testid: 'vehicle' });
  readonly #mode = h('span', { class: 'badge', testid: 'mode' });
  readonly #conn = h('span', { class: 'badge', testid: 'connection' });
  readonly #role = h('span', { class: 'badge', testid: 'role' });
  readonly #file = h('input', { testid: 'file-input', attrs: { type: 'file', accept: '.ndjson,.json,.jsonl,application/x-ndjson', 'aria-label': 'Open a journal' } });

  constructor(onFile: (file: File) => void) {
    this.#file.hidden = true;
    this.#file.addEventListener('change', () => {
      const f = this.#file.files?.[0];
      if (f) onFile(f);
      this.#file.value = '';
    });
    const open = h('button', { class: 'open', text: 'Open journal…', testid: 'open-journal', on: { click: () => this.#file.click() } });
    const keys = h('span', { class: 'keys muted', text: 'space play · ←/→ step (shift ×10) · L live', title: 'Keyboard' });
    this.element = h('header', { class: 'top', testid: 'header' }, [
      h('div', { class: 'brand', text: 'kis' }),
      this.#title,
      this.#mode,
      this.#conn,
      this.#role,
      h('div', { class: 'spacer' }),
      keys,
      open,
      this.#file,
    ]);
  }

  update(info: HeaderInfo): void {
    const hd = info.header;
    const vehicle = typeof hd?.vehicle === 'string' ? hd.vehicle : undefined;
    const profile = typeof hd?.profile === 'string' ? hd.profile : undefined;
    this.#title.replaceChildren(
      h('b', { text: vehicle ?? (hd ? 'vehicle' : 'Kubernetes in Space') }),
      ...(profile ? [h('span', { class: 'muted', text: ` · ${profile}${hd?.seed !== undefined ? ` · seed ${hd.seed}` : ''}` })] : []),
    );
    this.#mode.textContent = info.mode === 'none' ? '' : info.mode === 'file' ? 'replay' : info.mode;
    this.#mode.className = `badge ${info.mode === 'live' ? 'live' : 'muted'}`;
    this.#mode.hidden = info.mode === 'none';
    const c = connectionLabel(info);
    this.#conn.textContent = c.text;
    this.#conn.className = `badge ${c.tone}`;
    this.#conn.title = info.problem ?? '';
    this.#role.hidden = info.role === undefined;
    this.#role.textContent = info.role ?? '';
    this.#role.className = `badge ${info.role === 'instructor' ? 'warn' : 'muted'}`;
  }
}
