// An index of pods by spec.nodeName, kept from pod watch events, so per-node work never scans every pod.
// upstream: the "spec.nodeName" indexer the node lifecycle, taint eviction and PodGC controllers add to the pod informer.
import type { KubeObject, WatchEvent } from '../store/index.ts';
import { keyOf } from './controller.ts';

export class PodsByNode {
  private readonly byNode = new Map<string, Set<string>>();
  private readonly nodeOf = new Map<string, string>();

  /**
   * Applies one pod watch event; returns the node the pod was on before (if any) and the one it is on now.
   * `previous` (the version before this write): a write that kept the spec object kept the binding, so nothing moves.
   */
  apply(ev: WatchEvent, previous?: KubeObject): { before?: string; after?: string } {
    if (ev.type === 'MODIFIED' && previous !== undefined && previous.spec === ev.object.spec) {
      const node = nodeNameOf(ev.object);
      return { before: node, after: node };
    }
    const key = keyOf(ev.object);
    const before = this.nodeOf.get(key);
    const after = ev.type === 'DELETED' ? undefined : nodeNameOf(ev.object);
    if (before === after) return { before, after };
    if (before !== undefined) {
      const set = this.byNode.get(before);
      set?.delete(key);
      if (set?.size === 0) this.byNode.delete(before);
      this.nodeOf.delete(key);
    }
    if (after !== undefined) {
      let set = this.byNode.get(after);
      if (!set) this.byNode.set(after, (set = new Set()));
      set.add(key);
      this.nodeOf.set(key, after);
    }
    return { before, after };
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
