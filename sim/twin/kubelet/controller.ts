// The simulated kubelets as one controller: one kubelet per NodeSpec, sharing one pods watch, one nodes watch and
// a pods-by-node index, so a write costs a map lookup rather than a visit to every kubelet.
import { WorkQueue, keyOf, splitKey, watchResource, type Controller, type ControllerContext } from '../controllers/index.ts';
import type { NodeSpec } from '../nodes.ts';
import type { KubeObject } from '../store/index.ts';
import { SimKubelet, type KubeletHost } from './kubelet.ts';
import { resolveKubeletOptions, type KubeletOptions } from './options.ts';

/** The running kubelets, for tests and the integrator (state, pod counts). */
export interface KubeletsController extends Controller {
  kubelet(nodeName: string): SimKubelet | undefined;
}

const nodeNameOf = (pod: KubeObject): string | undefined => (pod.spec as { nodeName?: string } | undefined)?.nodeName || undefined;

/**
 * One simulated kubelet per NodeSpec (node i gets nodeObject(spec, i, …) when it registers).
 * The factory's controller is a ControllerFactory's Controller plus `kubelet(name)` for inspection.
 */
export function kubeletsController(nodes: readonly NodeSpec[], options: Partial<KubeletOptions> = {}): (ctx: ControllerContext) => KubeletsController {
  const opts = resolveKubeletOptions(options);
  const names = new Set<string>();
  for (const n of nodes) {
    if (names.has(n.name)) throw new RangeError(`kubeletsController: node ${JSON.stringify(n.name)} is listed twice`);
    names.add(n.name);
  }
  return (ctx) => new Kubelets(ctx, nodes, opts);
}

class Kubelets implements KubeletsController {
  readonly name = 'kubelets';
  private readonly kubelets = new Map<string, SimKubelet>();
  /** Pod keys by spec.nodeName, for the kubelets' nodes only. */
  private readonly podsByNode = new Map<string, Set<string>>();
  /** Which kubelet runs a pod key (it may have to forget it when the API pod goes or is replaced). */
  private readonly owners = new Map<string, SimKubelet>();
  private readonly podQueue: WorkQueue;
  private readonly nodeQueue: WorkQueue;
  private readonly stops: (() => void)[] = [];
  private selfWriting = 0;

  constructor(
    private readonly ctx: ControllerContext,
    nodes: readonly NodeSpec[],
    opts: KubeletOptions,
  ) {
    const host: KubeletHost = {
      ctx,
      opts,
      podsOn: (node) => this.podsOn(node),
      selfWrite: (fn) => {
        this.selfWriting++;
        try {
          return fn();
        } finally {
          this.selfWriting--;
        }
      },
      setOwner: (key, kubelet) => (kubelet ? this.owners.set(key, kubelet) : this.owners.delete(key)),
    };
    nodes.forEach((spec, i) => this.kubelets.set(spec.name, new SimKubelet(spec, i, host)));
    const onError = (key: string, e: unknown) => ctx.onError(`kubelets ${key}`, e);
    this.podQueue = new WorkQueue({ name: 'kubelet-pods', clock: ctx.clock, process: (k) => this.processPod(k), onError });
    this.nodeQueue = new WorkQueue({ name: 'kubelet-nodes', clock: ctx.clock, process: (k) => this.kubelets.get(k)?.onNode(ctx.store.get('nodes', '', k)), onError });
  }

  kubelet(nodeName: string): SimKubelet | undefined {
    return this.kubelets.get(nodeName);
  }

  start(): void {
    this.stops.push(watchResource(this.ctx, 'nodes', (ev) => {
      const name = ev.object.metadata.name ?? '';
      if (this.selfWriting === 0 && this.kubelets.has(name)) this.nodeQueue.add(name);
    }));
    this.stops.push(watchResource(this.ctx, 'pods', (ev, previous) => this.onPod(ev.type, ev.object, previous), { replay: true }));
    for (const k of this.kubelets.values()) k.start();
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.podQueue.stop();
    this.nodeQueue.stop();
    for (const k of this.kubelets.values()) k.stop();
  }

  /** Runs inside the store's write: index bookkeeping and enqueueing only. */
  private onPod(type: string, pod: KubeObject, previous?: KubeObject): void {
    // A kubelet's own status write on the same binding: already indexed, and needs no second look.
    if (this.selfWriting > 0 && type === 'MODIFIED' && previous?.spec === pod.spec) return;
    const key = keyOf(pod);
    const node = nodeNameOf(pod);
    const ours = node !== undefined && this.kubelets.has(node);
    if (ours) {
      const set = this.podsByNode.get(node) ?? new Set<string>();
      if (type === 'DELETED') set.delete(key);
      else set.add(key);
      this.podsByNode.set(node, set);
    }
    // The kubelets' own status writes and deletes need no second look.
    if (this.selfWriting > 0) return;
    if (ours || this.owners.has(key)) this.podQueue.add(key);
  }

  private processPod(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.store.get('pods', namespace, name);
    const node = pod ? nodeNameOf(pod) : undefined;
    const owner = this.owners.get(key);
    // Gone from the API, or a new pod under the same name (a StatefulSet's, perhaps on another node).
    if (owner && (!pod || owner.name !== node || owner.pods.uidOf(key) !== pod.metadata.uid)) owner.pods.forget(key);
    if (pod && node) this.kubelets.get(node)?.syncPod(pod);
  }

  private podsOn(node: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const key of this.podsByNode.get(node) ?? []) {
      const { namespace, name } = splitKey(key);
      const pod = this.ctx.store.get('pods', namespace, name);
      if (pod) out.push(pod);
    }
    return out;
  }
}
