// Coalesces a socket's writes within one turn of the event loop into a single writev. MQTT at ingest
// rates is many tiny packets: a broker forwarding each PUBLISH and answering each with a PUBACK, a
// client acknowledging each delivery — and mqtt-packet corks a stream only until the next tick, so
// they went out a few at a time, one syscall each (a third of the CPU of the TCP ingest path). The
// first write of a turn corks the socket; setImmediate (after the I/O callbacks of this turn) uncorks
// it. A packet waits at most for the rest of the turn; order and backpressure (write() → false,
// then 'drain') are the stream's own.
import type { Writable } from 'node:stream';

const coalescing = new WeakSet<Writable>();

export function coalesceWrites(stream: Writable): void {
  if (coalescing.has(stream)) return;
  coalescing.add(stream);
  const write = stream.write as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    stream.uncork();
  };
  stream.write = ((...args: unknown[]): boolean => {
    if (!corked && !stream.destroyed) {
      corked = true;
      stream.cork();
      setImmediate(uncork);
    }
    return write.apply(stream, args);
  }) as Writable['write'];
}
