// The objects of one resource in one namespace, with their names kept sorted lazily for ordered lists.
import type { KubeObject } from './types.ts';

/**
 * Writes are O(1): new names go to an unsorted side list and deletions only leave the map.
 * The first ordered read after writes sorts the side list and merges it in (O(n + k log k)),
 * so bulk creates never pay an O(n) array insert each, and reads between writes pay nothing.
 */
export class NamespaceBucket {
  readonly objects = new Map<string, KubeObject>();
  private sorted: string[] = [];
  private added: string[] = [];
  private removed = 0;

  get size(): number {
    return this.objects.size;
  }

  get(name: string): KubeObject | undefined {
    return this.objects.get(name);
  }

  /**
   * Stores `obj` under `name`; true when the name was new. One hash probe: the map's size tells whether it grew
   * (a `has` first costs a second probe per write, into a map that may hold every Event of the namespace).
   */
  set(name: string, obj: KubeObject): boolean {
    const before = this.objects.size;
    this.objects.set(name, obj);
    if (this.objects.size === before) return false;
    this.added.push(name);
    return true;
  }

  delete(name: string): void {
    if (this.objects.delete(name)) this.removed++;
  }

  /** Names in byte order. The array is owned by the bucket and valid until the next write. */
  sortedNames(): readonly string[] {
    if (this.added.length > 0 || this.removed > 0) this.compact();
    return this.sorted;
  }

  /** Index of the first sorted name strictly greater than `name`. */
  indexAfter(name: string): number {
    const names = this.sortedNames();
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((names[mid] as string) <= name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    const added = this.added.sort(byteOrder);
    const old = this.sorted;
    const out: string[] = [];
    let i = 0;
    let j = 0;
    let last: string | undefined;
    // Merge, dropping names no longer present and duplicates (a name deleted then created again).
    while (i < old.length || j < added.length) {
      let next: string;
      if (j >= added.length || (i < old.length && (old[i] as string) <= (added[j] as string))) next = old[i++] as string;
      else next = added[j++] as string;
      if (next !== last && this.objects.has(next)) {
        out.push(next);
        last = next;
      }
    }
    this.sorted = out;
    this.added = [];
    this.removed = 0;
  }
}

/** Code-unit order, which is etcd's byte order for the ASCII names Kubernetes allows. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
