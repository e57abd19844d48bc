// The scheduler's failure message: "0/5 nodes are available: 2 node(s) had untolerated taint {…}, 3 Insufficient
// cpu. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod."
// upstream: pkg/scheduler/framework/types.go FitError.Error (1.32: reasons histogram as "<count> <reason>",
// sorted as strings, joined by ", ", then " <postFilterMsg>"), schedule_one.go truncateMessage.
import type { Rejection } from './plugins/types.ts';

/** upstream: ErrNoNodesAvailable */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export function fitErrorMessage(numAllNodes: number, statuses: Iterable<Pick<Rejection, 'reasons'>>, postFilterMsg = ''): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  let msg = `0/${numAllNodes} nodes are available:`;
  const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(goStringLess);
  if (histogram.length) msg += ` ${histogram.join(', ')}.`;
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

/** Go's sort.Strings compares bytes; for our ASCII reasons that is UTF-16 code unit order. */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** upstream: events and conditions are cut to 1024 bytes with a " ..." suffix (validation.NoteLengthLimit). */
export function truncateMessage(message: string, max = 1024): string {
  if (message.length <= max) return message;
  const suffix = ' ...';
  return message.slice(0, max - suffix.length) + suffix;
}
