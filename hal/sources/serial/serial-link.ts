// The one place that touches the `serialport` package: open a device 8N1, bytes in and out, and one
// callback when the device goes away. Sources and `kis switchbox` take a SerialOpener, so tests can
// inject a fake line and the pure core never loads the native binding.
import { stat } from 'node:fs/promises';
import { readOnTheLoop } from './read-on-loop.ts';
import type { SerialSpec } from './serial-spec.ts';

export interface SerialLinkHandlers {
  onData(bytes: Uint8Array): void;
  /** The link ended: unplugged, read/write error, or EOF. Called at most once, never for close(). */
  onLost(error: Error): void;
}

export interface SerialLink {
  readonly spec: SerialSpec;
  /** Resolves once write(2) took the bytes (not once they left the UART: no tcdrain). */
  write(bytes: Uint8Array | string): Promise<void>;
  /** Closes the device. Idempotent; no onLost follows. */
  close(): Promise<void>;
  /**
   * Whether the device node opened is still there (same inode). A pulled USB adapter removes its node, but
   * the kernel does not always wake a reader that never received a byte; the source polls this. Optional
   * for fake links.
   */
  present?(): Promise<boolean>;
}

export type SerialOpener = (spec: SerialSpec, handlers: SerialLinkHandlers) => Promise<SerialLink>;

/** An error from opening or reading a device, with what to do about it in the message. */
export class SerialLinkError extends Error {
  override readonly name = 'SerialLinkError';
  /** The errno code when there was one (ENOENT: unplugged; EACCES: permissions; EBUSY: in use). */
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Words for an open failure; ENOENT is the common case (the box is unplugged) and is retried. */
export function describeOpenError(path: string, error: unknown): SerialLinkError {
  const message = error instanceof Error ? error.message : String(error);
  const code = /\b(E[A-Z]+)\b/.exec(message)?.[1] ?? (error as { code?: string } | null)?.code;
  const hint =
    code === 'ENOENT' ? `${path} does not exist (unplugged?); retrying`
    : code === 'EACCES' ? `permission denied on ${path}; add your user to the "dialout" group (Linux) and log in again`
    : code === 'EBUSY' || /lock/i.test(message) ? `${path} is in use by another program (screen, minicom, another kis hal?)`
    : `cannot open ${path}: ${message}`;
  return new SerialLinkError(hint, code, { cause: error });
}

/** Opens `spec` with the serialport package (loaded on first use). */
export const openSerialLink: SerialOpener = async (spec, handlers) => {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path: spec.path, baudRate: spec.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(describeOpenError(spec.path, err)) : resolve())));
  readOnTheLoop(port.port); // before the first read is issued: the stream reads once 'data' has a listener
  const identity = await deviceIdentity(spec.path);
  let ended = false;
  const lost = (error: Error): void => {
    if (ended) return;
    ended = true;
    if (port.isOpen) port.close(() => {});
    handlers.onLost(error);
  };
  port.on('data', (chunk: Buffer) => {
    if (!ended) handlers.onData(chunk);
  });
  // serialport closes itself on a read error and passes a DisconnectedError (err.disconnected).
  port.on('close', (err: Error | null) => lost(err ?? new Error(`${spec.path} closed`)));
  port.on('error', (err: Error) => lost(err));
  port.on('end', () => lost(new Error(`${spec.path}: end of file`)));
  return {
    spec,
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (ended) {
          reject(new SerialLinkError(`${spec.path} is not open`, undefined));
          return;
        }
        // No drain(): tcdrain(3) runs on libuv's thread pool and can block for good on a pty whose
        // other end went away, pinning a pool thread. The write callback fires after write(2).
        port.write(typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (err) => {
          if (err) reject(err);
          else resolve();
        });
      }),
    present: async () => !ended && identity !== undefined && (await deviceIdentity(spec.path)) === identity,
    close: () =>
      new Promise<void>((resolve) => {
        if (ended || !port.isOpen) {
          ended = true;
          resolve();
          return;
        }
        ended = true;
        port.close(() => resolve());
      }),
  };
};

/** The device node's identity (device + inode, following symlinks), or undefined when it is gone. */
async function deviceIdentity(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path);
    return `${st.dev}:${st.ino}:${st.rdev}`;
  } catch {
    return undefined;
  }
}
