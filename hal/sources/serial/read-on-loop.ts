// Reads a Unix serial device on the event loop the moment its poller says it is readable. The
// serialport binding reads through libuv's thread pool (fs.read), so every frame took two hops —
// the poll wake-up, then a pool thread's read and its callback — and on a busy 2-core rig a pool
// thread waits for a core like everything else. The device is opened O_NONBLOCK (bindings-cpp
// serialport_unix.cpp), so a read(2) here never blocks: it returns what is there or EAGAIN, and
// EAGAIN waits for the poller as the binding's own unixRead does. Errors keep the binding's meaning:
// `canceled` for a port closed under the read, `disconnect` for a device that went away.
import { readSync } from 'node:fs';

interface Poller {
  once(event: 'readable', callback: (err?: Error | null) => void): unknown;
}

/** The shape of bindings-cpp's Linux and Darwin port objects that this needs (duck-typed: no deep import). */
interface UnixPort {
  fd: number | null;
  readonly isOpen: boolean;
  readonly poller: Poller;
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
}

function isUnixPort(p: unknown): p is UnixPort {
  const o = p as Partial<UnixPort> | undefined;
  return typeof o?.fd === 'number' && typeof o.read === 'function' && typeof o.poller?.once === 'function';
}

const RETRY = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);
// As bindings-cpp unixRead: these mean the device is gone (closed under us, unplugged).
const GONE = new Set(['EBADF', 'ENXIO', 'UNKNOWN']);

/** Replaces the port's read; false (nothing changed) when it is not a Unix port with a poller (Windows, mocks). */
export function readOnTheLoop(port: unknown): boolean {
  if (!isUnixPort(port)) return false;
  port.read = async (buffer, offset, length) => {
    for (;;) {
      if (!port.isOpen || port.fd === null) throw Object.assign(new Error('Port is not open'), { canceled: true });
      try {
        const bytesRead = readSync(port.fd, buffer, offset, length, null);
        if (bytesRead > 0) return { bytesRead, buffer };
      } catch (e) {
        const err = e as NodeJS.ErrnoException & { disconnect?: boolean };
        if (!RETRY.has(err.code ?? '')) {
          if (GONE.has(err.code ?? '') || err.errno === -1) err.disconnect = true;
          throw err;
        }
      }
      // Nothing there (EAGAIN, or 0 bytes from a pty between writers): wait for the poller.
      await new Promise<void>((resolve, reject) => port.poller.once('readable', (err) => (err ? reject(err) : resolve())));
    }
  };
  return true;
}
