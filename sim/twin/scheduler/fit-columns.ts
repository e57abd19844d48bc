// What the scheduler's node walk and scoring read for the common pod, one typed array per fact, in the cache's
// walk order: room left for cpu, memory and pods, whether the node is plain (schedulable, untainted), and the
// numbers NodeResourcesFit and BalancedAllocation score on. Reading NodeInfo instead meant ~5 objects per node
// (the info, its allocatable, requested and non-zero records, its pod set) for ~420 nodes per pod; here it is a
// few array slots. Kept current by the cache on every node and pod change.
import type { NodeInfo } from './node-info.ts';

export class FitColumns {
  /** Allocatable minus requested milli-CPU, per walk position. */
  cpu = new Float64Array(64);
  /** Allocatable minus requested memory bytes. */
  memory = new Float64Array(64);
  /** Pods the node can still take (allocatable pods minus bound pods). */
  pods = new Float64Array(64);
  /** 1 when the node is schedulable and has no taints: only resources can turn a plain pod away. */
  plain = new Uint8Array(64);
  /** 1 when a taint is PreferNoSchedule (scoring then needs the taint pass). */
  preferNoSchedule = new Uint8Array(64);
  allocatableCpu = new Float64Array(64);
  allocatableMemory = new Float64Array(64);
  requestedCpu = new Float64Array(64);
  requestedMemory = new Float64Array(64);
  nonZeroCpu = new Float64Array(64);
  nonZeroMemory = new Float64Array(64);
  length = 0;

  /** Appends a node at the end of the walk order. */
  push(info: NodeInfo): void {
    if (this.length === this.cpu.length) this.grow();
    this.set(this.length++, info);
  }

  /** Recomputes position `i` from its node. */
  set(i: number, info: NodeInfo): void {
    // The same expressions NodeResourcesFit evaluates, so the walk's quick accept gives the same verdicts.
    this.cpu[i] = info.allocatable.cpu - info.requested.cpu;
    this.memory[i] = info.allocatable.memory - info.requested.memory;
    this.pods[i] = info.allocatable.pods - info.pods.size;
    this.plain[i] = !info.unschedulable && info.taints.length === 0 ? 1 : 0;
    this.preferNoSchedule[i] = info.hasPreferNoSchedule ? 1 : 0;
    this.allocatableCpu[i] = info.allocatable.cpu;
    this.allocatableMemory[i] = info.allocatable.memory;
    this.requestedCpu[i] = info.requested.cpu;
    this.requestedMemory[i] = info.requested.memory;
    this.nonZeroCpu[i] = info.nonZero.cpu;
    this.nonZeroMemory[i] = info.nonZero.memory;
  }

  /** Removes position `i`; later positions move down one, as the node list's do. */
  remove(i: number): void {
    for (const col of this.columns()) col.copyWithin(i, i + 1, this.length);
    this.length--;
  }

  private columns(): (Float64Array | Uint8Array)[] {
    return [this.cpu, this.memory, this.pods, this.plain, this.preferNoSchedule, this.allocatableCpu, this.allocatableMemory,
      this.requestedCpu, this.requestedMemory, this.nonZeroCpu, this.nonZeroMemory];
  }

  private grow(): void {
    const n = this.cpu.length * 2;
    const f64 = (old: Float64Array) => {
      const next = new Float64Array(n);
      next.set(old);
      return next;
    };
    const u8 = (old: Uint8Array) => {
      const next = new Uint8Array(n);
      next.set(old);
      return next;
    };
    this.cpu = f64(this.cpu);
    this.memory = f64(this.memory);
    this.pods = f64(this.pods);
    this.plain = u8(this.plain);
    this.preferNoSchedule = u8(this.preferNoSchedule);
    this.allocatableCpu = f64(this.allocatableCpu);
    this.allocatableMemory = f64(this.allocatableMemory);
    this.requestedCpu = f64(this.requestedCpu);
    this.requestedMemory = f64(this.requestedMemory);
    this.nonZeroCpu = f64(this.nonZeroCpu);
    this.nonZeroMemory = f64(this.nonZeroMemory);
  }
}
