// Events expire: kube-apiserver stores each Event under an etcd lease of --event-ttl (default 1 h), renewed by
// every write, so `kubectl get events` shows the last hour and a long run's memory stays flat.
// upstream: kube-apiserver --event-ttl; pkg/registry/core/event/storage/storage.go (TTLFunc: the full TTL on
// create and update); k8s.io/apiserver/pkg/storage/etcd3/lease_manager.go (a lease is reused for writes within
// 5% of the TTL and granted for TTL + that window, so Events expire in batches, not one by one).
import { ApiError, resourceByKey } from '../api/index.ts';
import { isStoreError } from '../store/index.ts';
import type { KubeObject } from '../store/index.ts';
import { watchResource, type Controller, type ControllerContext } from './controller.ts';

/** upstream: defaultLeaseReuseDurationPercent (0.05). */
const LEASE_REUSE_FRACTION = 0.05;

interface Lease {
  expiresAtMs: number;
  /**
   * The Event versions written under this lease; a later write moves the Event to a later lease (the stored object
   * is then another version, so this one is skipped). Versions, not keys: no key string built per Event.
   */
  written: KubeObject[];
}

export function eventTtlController(ctx: ControllerContext): Controller {
  const ttlMs = ctx.config.eventTtlMs;
  const reuseMs = Math.floor(ttlMs * LEASE_REUSE_FRACTION);
  const events = resourceByKey('events')!;
  const leases: Lease[] = [];
  let current: { grantedAtMs: number; lease: Lease } | undefined;
  let timer: ReturnType<typeof ctx.clock.setTimeout> | undefined;
  let stop = () => undefined as void;

  const leaseFor = (nowMs: number): Lease => {
    if (current === undefined || nowMs >= current.grantedAtMs + reuseMs) {
      current = { grantedAtMs: nowMs, lease: { expiresAtMs: nowMs + ttlMs + reuseMs, written: [] } };
      leases.push(current.lease);
      if (leases.length === 1) arm();
    }
    return current.lease;
  };

  const arm = () => {
    const head = leases[0];
    if (head === undefined) return;
    timer = ctx.clock.setTimeout(expire, Math.max(0, head.expiresAtMs - ctx.clock.now()));
  };

  const expire = () => {
    timer = undefined;
    const lease = leases.shift();
    if (current?.lease === lease) current = undefined;
    for (const version of lease?.written ?? []) {
      const namespace = version.metadata.namespace ?? '';
      const name = version.metadata.name ?? '';
      const rv = version.metadata.resourceVersion ?? '';
      const obj = ctx.store.get(events.key, namespace, name);
      if (obj === undefined || obj.metadata.resourceVersion !== rv) continue;
      try {
        // etcd itself deletes a lease's keys; without quorum it cannot, so the Event waits for a later lease.
        ctx.registry.checkDelete(events, obj);
        ctx.store.delete(events.key, namespace, name, { resourceVersion: rv });
      } catch (e) {
        if (isStoreError(e)) continue;
        if (e instanceof ApiError) leaseFor(ctx.clock.now()).written.push(obj);
        else ctx.onError('event-ttl', e);
      }
    }
    arm();
  };

  return {
    name: 'event-ttl',
    start() {
      if (!(ttlMs > 0)) return;
      stop = watchResource(ctx, events.key, (ev) => {
        if (ev.type === 'ADDED' || ev.type === 'MODIFIED') leaseFor(ctx.clock.now()).written.push(ev.object);
      }, { replay: true });
    },
    stop() {
      stop();
      ctx.clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
