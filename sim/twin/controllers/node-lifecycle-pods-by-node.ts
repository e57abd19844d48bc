// An index of pods by spec.nodeName, kept from pod watch events, so per-node work never scans every pod.
// upstream: the "spec.nodeName" indexer the node lifecycle, taint eviction and PodGC controllers add to the pod informer.
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { keyOf } from './controller.ts';

export class PodsByNode {
  private readonly byNode = new Map<string, Set<string>>();

  /**
   * Applies one pod watch event; returns the node the pod was on before (if any) and the one it is on now.
   * The node before comes from the event, not from a map of every pod: an ADDED pod was nowhere (a watch sees
   * an object's DELETED before a new one under its name), a MODIFIED one was where `previous` (the version
   * before this write, which a store watch always passes) was bound, a DELETED one leaves the node its last
   * state names. Two probes into a map of 100,000 pods per write, in each of three controllers, were most of
   * this index's cost. A write that kept the spec object kept the binding, so nothing moves.
   */
  apply(ev: WatchEvent, previous?: KubeObject): { before?: string; after?: string } {
    const obj = ev.object;
    let before: string | undefined;
    let after: string | undefined;
    if (ev.type === 'ADDED') after = nodeNameOf(obj);
    else if (ev.type === 'DELETED') before = nodeNameOf(obj);
    else if (previous !== undefined) {
      after = nodeNameOf(obj);
      if (previous.spec === obj.spec) return { before: after, after };
      before = nodeNameOf(previous);
    } else {
      after = nodeNameOf(obj);
      before = this.find(keyOf(obj));
    }
    if (before === after) return { before, after };
    const key = keyOf(obj);
    if (before !== undefined) {
      const set = this.byNode.get(before);
      set?.delete(key);
      if (set?.size === 0) this.byNode.delete(before);
    }
    if (after !== undefined) {
      let set = this.byNode.get(after);
      if (!set) this.byNode.set(after, (set = new Set()));
      set.add(key);
    }
    return { before, after };
  }

  /** Where a key is filed (a scan: only for a MODIFIED event without its previous version, which stores always give). */
  private find(key: string): string | undefined {
    for (const [node, set] of this.byNode) if (set.has(key)) return node;
    return undefined;
  }

  /** Pod keys ("ns/name") bound to `node`, sorted so every run processes them in the same order. */
  podsOn(node: string): string[] {
    return [...(this.byNode.get(node) ?? [])].sort();
  }

  /** Node names that have at least one pod bound, sorted. */
  nodes(): string[] {
    return [...this.byNode.keys()].sort();
  }
}

export function nodeNameOf(pod: KubeObject): string | undefined {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName || undefined;
}
