// Pod IPs from the node's podCIDR, handed out as the host-local CNI IPAM plugin does: sequentially from the last
// one given, wrapping round, skipping the network address, the gateway (first host) and the broadcast address.
// upstream: containernetworking/plugins plugins/ipam/host-local/backend/allocator (RangeIter from lastReservedIP).

export class PodIpAllocator {
  private readonly first: number; // first assignable address (gateway + 1)
  private readonly size: number;
  private cursor = 0;
  private readonly byKey = new Map<string, number>();
  private readonly used = new Set<number>();

  constructor(cidr: string) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const octets = m ? m.slice(1, 5).map(Number) : [];
    const prefix = m ? Number(m[5]) : NaN;
    if (!m || octets.some((o) => o > 255) || !(prefix >= 8 && prefix <= 30)) {
      throw new RangeError(`podCIDR ${JSON.stringify(cidr)}: need an IPv4 CIDR a.b.c.d/8..30`);
    }
    const addr = octets.reduce((a, o) => a * 256 + o, 0);
    const block = 2 ** (32 - prefix);
    const network = addr - (addr % block);
    this.first = network + 2;
    this.size = block - 3; // minus network, gateway, broadcast
  }

  /** The pod's address (the same one again for the same key), or undefined when the range is exhausted. */
  allocate(key: string): string | undefined {
    const held = this.byKey.get(key);
    if (held !== undefined) return format(held);
    for (let i = 0; i < this.size; i++) {
      const offset = (this.cursor + i) % this.size;
      const ip = this.first + offset;
      if (this.used.has(ip)) continue;
      this.cursor = (offset + 1) % this.size;
      this.used.add(ip);
      this.byKey.set(key, ip);
      return format(ip);
    }
    return undefined;
  }

  release(key: string): void {
    const ip = this.byKey.get(key);
    if (ip === undefined) return;
    this.byKey.delete(key);
    this.used.delete(ip);
  }

  get inUse(): number {
    return this.used.size;
  }
}

function format(n: number): string {
  return `${Math.floor(n / 16_777_216) % 256}.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}
