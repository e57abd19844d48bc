// Book-keeping for instanced meshes (pure): the lowest free cell per node, and dense instance indices.

/** Lowest free slot per owner (a node): a pod keeps its cell while others come and go. */
export class SlotAllocator {
  private readonly used = new Map<string, number[]>();

  take(owner: string): number {
    let slots = this.used.get(owner);
    if (!slots) this.used.set(owner, (slots = []));
    let i = slots.indexOf(0);
    if (i < 0) {
      i = slots.length;
      slots.push(1);
    } else slots[i] = 1;
    return i;
  }

  release(owner: string, slot: number): void {
    const slots = this.used.get(owner);
    if (!slots || slots[slot] !== 1) return;
    slots[slot] = 0;
    while (slots.length > 0 && slots[slots.length - 1] === 0) slots.pop();
    if (slots.length === 0) this.used.delete(owner);
  }

  /** Cells in use on the owner, counting gaps below its highest taken cell. */
  extent(owner: string): number {
    return this.used.get(owner)?.length ?? 0;
  }

  clear(): void {
    this.used.clear();
  }
}

/**
 * Dense indices 0..count-1 for keyed items: removal moves the last item into the hole, so an
 * InstancedMesh draws exactly `count` instances. `remove` says which key moved where.
 */
export class DenseIndex {
  private readonly keys: string[] = [];
  private readonly index = new Map<string, number>();

  get count(): number {
    return this.keys.length;
  }

  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  keyAt(i: number): string | undefined {
    return this.keys[i];
  }

  add(key: string): number {
    const existing = this.index.get(key);
    if (existing !== undefined) return existing;
    this.keys.push(key);
    this.index.set(key, this.keys.length - 1);
    return this.keys.length - 1;
  }

  /** Removes `key`; returns the index it freed and the key now there (moved from the end), if any. */
  remove(key: string): { freed: number; moved?: string } | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    this.index.delete(key);
    const last = this.keys.pop() as string;
    if (i === this.keys.length) return { freed: i };
    this.keys[i] = last;
    this.index.set(last, i);
    return { freed: i, moved: last };
  }

  clear(): void {
    this.keys.length = 0;
    this.index.clear();
  }
}
