// A tiny element builder: the panels are plain DOM, and this keeps them short.

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly title?: string;
  /** data-testid, for end-to-end tests (web/README.md lists them). */
  readonly testid?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: readonly (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.title) el.title = props.title;
  if (props.testid) el.dataset.testid = props.testid;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [type, fn] of Object.entries(props.on ?? {})) el.addEventListener(type, fn as EventListener);
  for (const c of children) el.append(c);
  return el;
}

/** Replaces the children of `el` (cheaper to reason about than diffing, and the panels are small). */
export function fill(el: HTMLElement, children: readonly (Node | string)[]): void {
  el.replaceChildren(...children);
}

/** A titled panel section: <section><h2>title</h2>body</section>. */
export function section(title: string, testid: string, body: HTMLElement, extra: readonly HTMLElement[] = []): HTMLElement {
  return h('section', { class: 'panel', testid }, [h('header', { class: 'panel-head' }, [h('h2', { text: title }), ...extra]), body]);
}
