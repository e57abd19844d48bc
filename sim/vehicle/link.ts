// Radio link state over mission time. Ground-station windows decide visibility (the lowest-latency
// station in view serves the link); the timeline's linkDown / linkUp override it. The state follows
// the most recent change: a window edge that changes what is in view, or a scripted entry.
import type { Link, Profile, TimelineEntry } from '../profile/index.ts';
import { byTime, lastAtOrBefore } from './timeline-util.ts';
import type { LinkEvent, LinkModel, LinkState, LinkTrack } from './types.ts';

type LinkEntry = TimelineEntry & { event: 'linkDown' | 'linkUp' };

interface View {
  up: boolean;
  latencyMs?: number;
  station?: string;
}

/** What the windows alone give at t: the best station in view, or nothing (always up without stations). */
function inView(link: Link, t: number): View {
  if (link.groundStations.length === 0) return { up: true, latencyMs: link.latencyMs };
  let best: View = { up: false };
  for (const g of link.groundStations) {
    if (!g.windows.some((w) => t >= w.fromMs && t < w.toMs)) continue;
    // Ties keep the station listed first.
    if (!best.up || g.latencyMs < (best.latencyMs ?? Infinity)) best = { up: true, latencyMs: g.latencyMs, station: g.name };
  }
  return best;
}

const same = (a: View, b: View): boolean => a.up === b.up && a.latencyMs === b.latencyMs && a.station === b.station;

function trackLink(profile: Profile, link: Link): LinkTrack {
  const entries = profile.timeline.filter((e): e is LinkEntry => (e.event === 'linkDown' || e.event === 'linkUp') && e.link === link.name);
  const edges = new Set<number>();
  for (const g of link.groundStations) for (const w of g.windows) edges.add(w.fromMs).add(w.toMs);
  const times = [...new Set([profile.startMs, ...edges, ...entries.map((e) => e.atMs)])]
    .filter((t) => t >= profile.startMs)
    .sort((a, b) => a - b);
  const events: LinkEvent[] = [];
  const samples: LinkState[] = [];
  let state: View = inView(link, profile.startMs);
  let windows = state;
  // A link starts up in hal/wiring's view, so only a link that starts down needs a signal.
  if (!state.up) events.push({ tMs: profile.startMs, link: link.name, up: false, cause: 'initial' });
  for (const t of times) {
    const view = inView(link, t);
    const scripted = entries.filter((e) => e.atMs === t);
    // A window edge counts only when it changes what is in view; a scripted entry always counts.
    if (!same(view, windows) && scripted.length === 0 && !same(view, state)) {
      state = view;
      events.push({ tMs: t, link: link.name, ...state, cause: 'window' });
    }
    windows = view;
    for (const e of scripted) {
      state = e.event === 'linkDown' ? { up: false } : { up: true, latencyMs: e.latencyMs, ...(view.up && view.latencyMs === e.latencyMs && view.station ? { station: view.station } : {}) };
      events.push({ tMs: t, link: link.name, ...state, cause: 'script', timelineIndex: e.index, ...(e.id !== undefined ? { timelineId: e.id } : {}) });
    }
    samples.push({ tMs: t, ...state });
  }
  return { link: link.name, events, stateAt: (tMs) => ({ ...lastAtOrBefore(samples, tMs), tMs }) };
}

export function linkModel(profile: Profile): LinkModel {
  const links = profile.vehicle.links.map((l) => trackLink(profile, l));
  return { links, link: (name) => links.find((l) => l.link === name), events: byTime(links.map((l) => l.events)) };
}
