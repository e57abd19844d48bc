// The instructor console's requests turned into the signals the server injects (InjectableSignal):
// pure, so every button's signal is checked before it leaves the page.
import type { InjectableSignal } from '../../hal/signals/index.ts';

export type InstructorRequest =
  | { readonly kind: 'separate'; readonly stage: string }
  | { readonly kind: 'brownout'; readonly bus: string; readonly volts: number }
  | { readonly kind: 'cut-bus'; readonly bus: string }
  | { readonly kind: 'restore-bus'; readonly bus: string }
  | { readonly kind: 'drop-link'; readonly link: string }
  | { readonly kind: 'restore-link'; readonly link: string }
  | { readonly kind: 'crash-node'; readonly node: string }
  | { readonly kind: 'rollout'; readonly workload: string; readonly image: string };

export type Built = { readonly ok: true; readonly signal: InjectableSignal } | { readonly ok: false; readonly error: string };

// A Kubernetes container image reference, loosely: registry/path:tag or @digest, no spaces.
// upstream: k8s.io/kubernetes/pkg/apis/core/validation ValidatePodSpec only requires a non-blank
// image for pods; a stricter check here catches typos before they reach the cluster.
const IMAGE = /^[a-z0-9][a-z0-9._\-/:@]*[a-z0-9]$/i;

function need(what: string, v: string): string | undefined {
  return v.trim() === '' ? `choose a ${what}` : undefined;
}

export function buildSignal(r: InstructorRequest): Built {
  switch (r.kind) {
    case 'separate': {
      const e = need('stage', r.stage);
      // The plane is named after the stage that leaves (the profile's convention for separation planes).
      return e ? { ok: false, error: e } : { ok: true, signal: { type: 'separation', plane: r.stage, stage: r.stage, state: 'separated' } };
    }
    case 'brownout': {
      const e = need('bus', r.bus);
      if (e) return { ok: false, error: e };
      if (!Number.isFinite(r.volts) || r.volts < 0 || r.volts > 1000) return { ok: false, error: 'volts must be a number from 0 to 1000' };
      // Power signals carry millivolts so journals have no float noise.
      return { ok: true, signal: { type: 'power', bus: r.bus, millivolts: Math.round(r.volts * 1000) } };
    }
    case 'cut-bus':
    case 'restore-bus': {
      const e = need('bus', r.bus);
      return e ? { ok: false, error: e } : { ok: true, signal: { type: 'power-state', bus: r.bus, state: r.kind === 'cut-bus' ? 'lost' : 'restored' } };
    }
    case 'drop-link':
    case 'restore-link': {
      const e = need('link', r.link);
      return e ? { ok: false, error: e } : { ok: true, signal: { type: 'link', link: r.link, state: r.kind === 'drop-link' ? 'down' : 'up' } };
    }
    case 'crash-node': {
      const e = need('node', r.node);
      return e ? { ok: false, error: e } : { ok: true, signal: { type: 'node-fault', node: r.node, fault: 'crash' } };
    }
    case 'rollout': {
      const e = need('workload', r.workload);
      if (e) return { ok: false, error: e };
      const image = r.image.trim();
      if (!IMAGE.test(image)) return { ok: false, error: `"${image}" is not an image reference (e.g. registry.local/app:1.2)` };
      return { ok: true, signal: { type: 'rollout', workload: r.workload, image } };
    }
  }
}

/** A human line for the console's reply list: "link s-band down". */
export function describeSignal(s: InjectableSignal): string {
  switch (s.type) {
    case 'separation':
      return `separate ${s.stage ?? s.plane}`;
    case 'power':
      return `bus ${s.bus} to ${(s.millivolts / 1000).toFixed(1)} V`;
    case 'power-state':
      return `bus ${s.bus}${s.node ? ` (${s.node})` : ''} ${s.state}`;
    case 'link':
      return `link ${s.link} ${s.state}`;
    case 'node-fault':
      return `${s.fault} ${s.node}`;
    case 'rollout':
      return `roll out ${s.workload} → ${s.image}`;
    default:
      return s.type;
  }
}
