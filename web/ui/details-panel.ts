// Details of the selected node or pod (labels, taints, conditions, recent events); with nothing
// selected, a one-glance summary of the cluster and vehicle.
import type { LogEntry, NodeView, SceneState } from '../model/types.ts';
import { h, section } from './dom.ts';
import { formatShortTime } from './mission-time.ts';
import { nodeStatus, nodeTone, podTone } from './status.ts';
import { type HostActions, type Panel, type Subject, type ViewContext } from './panel.ts';

type Row = readonly [string, string | Node];

function table(rows: readonly Row[], testid?: string): HTMLElement {
  return h('table', { class: 'kv', ...(testid ? { testid } : {}) }, rows.map(([k, v]) => h('tr', {}, [h('th', { text: k }), h('td', {}, [v])])));
}

function chips(items: readonly string[], cls: string, empty = 'none'): HTMLElement {
  return h('div', { class: 'chips' }, items.length === 0 ? [h('span', { class: 'muted', text: empty })] : items.map((t) => h('span', { class: `chip ${cls}`, text: t })));
}

function badge(text: string, tone: 'ok' | 'warn' | 'bad' | 'muted'): HTMLElement {
  return h('span', { class: `badge ${tone}`, text });
}

export class DetailsPanel implements Panel {
  readonly element: HTMLElement;
  readonly #body = h('div', { class: 'details-body' });
  readonly #clear = h('button', { class: 'small', text: 'clear', testid: 'details-clear' });
  #key = '';

  constructor(private readonly actions: HostActions) {
    this.#clear.addEventListener('click', () => actions.select(undefined));
    this.#clear.hidden = true;
    this.element = section('Details', 'details', this.#body, [this.#clear]);
  }

  update(ctx: ViewContext): void {
    // Rebuild only when what is shown can have changed: selection, or the state object (time/data).
    const key = `${ctx.selection?.kind}:${ctx.selection?.key}`;
    if (key === this.#key && this.#lastState === ctx.state) return;
    this.#lastState = ctx.state;
    // A new state object often shows the same thing (telemetry moved, not the cluster): compare a
    // signature before rebuilding the DOM.
    const sig = `${key}|${signature(ctx)}`;
    if (sig === this.#key) return;
    this.#key = sig;
    this.#clear.hidden = !ctx.selection;
    const s = ctx.selection;
    if (s?.kind === 'node') this.#body.replaceChildren(...this.#node(ctx, s));
    else if (s?.kind === 'pod') this.#body.replaceChildren(...this.#pod(ctx, s));
    else this.#body.replaceChildren(...this.#summary(ctx.state));
  }

  #lastState: SceneState | undefined;

  #link(subject: Subject, text: string): HTMLElement {
    return h('a', { class: 'link', text, attrs: { href: '#' }, on: { click: (e) => (e.preventDefault(), this.actions.select(subject)) } });
  }

  #events(ctx: ViewContext, s: Subject): HTMLElement {
    const events = ctx.model.eventsFor(s, ctx.t, 12);
    if (events.length === 0) return h('div', { class: 'muted', text: 'no events yet' });
    return h('ol', { class: 'events', testid: 'details-events' }, [...events].reverse().map((e: LogEntry) =>
      h('li', { class: e.severity === 'warn' ? 'warn' : '', on: { click: () => this.actions.seek(e.t) } }, [h('span', { class: 'time', text: formatShortTime(e.t) }), ` ${e.text}`]),
    ));
  }

  #node(ctx: ViewContext, s: Subject): HTMLElement[] {
    const n = ctx.state.nodes.get(s.key);
    if (!n) return [h('h3', { text: s.key }), h('div', { class: 'muted', text: 'not in the cluster at this time' })];
    const pods = [...ctx.state.pods.values()].filter((p) => p.node === n.name).sort((a, b) => a.key.localeCompare(b.key));
    return [
      h('h3', { testid: 'details-title' }, [n.name, ' ', badge(nodeStatus(n), nodeTone(n))]),
      table([
        ['kind', n.role === 'control-plane' ? 'Node (control plane)' : 'Node'],
        ['stage', n.stage ?? '—'],
        ['power bus', n.bus ?? '—'],
        ['power', n.power],
        ['Ready', n.ready],
        ['schedulable', n.unschedulable ? 'no (cordoned)' : 'yes'],
      ], 'details-table'),
      h('h4', { text: 'Taints' }),
      chips(n.taints, 'taint'),
      h('h4', { text: 'Conditions' }),
      chips(Object.entries(n.conditions).map(([k, v]) => `${k}=${v}`), 'cond'),
      h('h4', { text: `Pods (${pods.length})` }),
      h('div', { class: 'chips' }, pods.length === 0 ? [h('span', { class: 'muted', text: 'none' })] : pods.map((p) => h('span', { class: `chip pod ${podTone(p)}` }, [this.#link({ kind: 'pod', key: p.key }, p.name)]))),
      h('h4', { text: 'Recent events' }),
      this.#events(ctx, s),
      h('h4', { text: 'Labels' }),
      // kis.dev labels say where the node is; the well-known kubernetes.io ones come after.
      chips(Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).sort((a, b) => Number(b.startsWith('kis.dev/')) - Number(a.startsWith('kis.dev/')) || a.localeCompare(b)), 'label'),
    ];
  }

  #pod(ctx: ViewContext, s: Subject): HTMLElement[] {
    const p = ctx.state.pods.get(s.key);
    if (!p) return [h('h3', { text: s.key }), h('div', { class: 'muted', text: 'no such pod at this time (not yet created, or deleted)' }), h('h4', { text: 'Recent events' }), this.#events(ctx, s)];
    return [
      h('h3', { testid: 'details-title' }, [p.name, ' ', badge(p.phase === 'Running' && !p.ready ? 'Running, not ready' : p.phase, podTone(p))]),
      table([
        ['kind', 'Pod'],
        ['namespace', p.namespace],
        ['node', p.node ? this.#link({ kind: 'node', key: p.node }, p.node) : '— (unscheduled)'],
        ['workload', p.workload ?? '—'],
        ['priority class', p.priorityClass ?? '—'],
        ['ready', p.ready ? 'yes' : 'no'],
        ['restarts', String(p.restarts)],
      ], 'details-table'),
      h('h4', { text: 'Recent events' }),
      this.#events(ctx, s),
    ];
  }

  #summary(state: SceneState): HTMLElement[] {
    const nodes = [...state.nodes.values()].filter((n) => n.present);
    const count = (pred: (n: NodeView) => boolean) => nodes.filter(pred).length;
    const phases = new Map<string, number>();
    for (const p of state.pods.values()) phases.set(p.phase, (phases.get(p.phase) ?? 0) + 1);
    return [
      h('div', { class: 'hint', text: 'Click a node or pod in the 3D view, or a line of the event log.' }),
      table([
        ['nodes', `${count((n) => n.attached && n.ready === 'True' && n.power === 'on')} ready of ${count((n) => n.attached)} attached`],
        ['separated', state.stages.filter((st) => st.separatedAt !== undefined).map((st) => `${st.name} at ${formatShortTime(st.separatedAt!)}`).join(', ') || 'none'],
        ['pods', [...phases].sort().map(([k, v]) => `${v} ${k}`).join(', ') || 'none'],
      ], 'summary-table'),
      h('h4', { text: 'Power buses' }),
      h('div', { class: 'chips' }, [...state.buses.values()].map((b) => h('span', { class: `chip ${b.state === 'nominal' ? 'ok' : 'bad'}`, text: `${b.name} ${b.volts !== undefined ? `${b.volts.toFixed(1)} V ` : ''}${b.state}` }))),
      h('h4', { text: 'Links' }),
      h('div', { class: 'chips' }, [...state.links.values()].map((l) => h('span', { class: `chip ${l.up ? 'ok' : 'bad'}`, text: `${l.name} ${l.up ? 'up' : 'down'}${l.latencyMs !== undefined && l.up ? ` ${l.latencyMs} ms` : ''}` }))),
    ];
  }
}

/** What the panel would show, as a string: cheap next to rebuilding the DOM. */
function signature(ctx: ViewContext): string {
  const s = ctx.selection;
  const st = ctx.state;
  if (s?.kind === 'node') {
    const pods = [...st.pods.values()].filter((p) => p.node === s.key).map((p) => `${p.key}${p.phase}${p.ready}`);
    return `${JSON.stringify(st.nodes.get(s.key))}${pods.join()}${ctx.model.eventsFor(s, ctx.t, 12).map((e) => e.index).join()}`;
  }
  if (s?.kind === 'pod') return `${JSON.stringify(st.pods.get(s.key))}${ctx.model.eventsFor(s, ctx.t, 12).map((e) => e.index).join()}`;
  let ready = 0;
  let attached = 0;
  for (const n of st.nodes.values()) if (n.present && n.attached) (attached++, n.ready === 'True' && n.power === 'on' && ready++);
  const phases = new Map<string, number>();
  for (const p of st.pods.values()) phases.set(p.phase, (phases.get(p.phase) ?? 0) + 1);
  const buses = [...st.buses.values()].map((b) => `${b.name}${b.volts?.toFixed(1)}${b.state}`);
  const links = [...st.links.values()].map((l) => `${l.name}${l.up}${l.latencyMs}`);
  return `${ready}/${attached}|${st.stages.map((x) => x.separatedAt).join()}|${[...phases].join()}|${buses.join()}|${links.join()}`;
}
