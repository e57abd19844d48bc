// `PATH[@BAUD]` as given to `kis hal --serial`: one switch-box device and its line speed (8N1 always).

/** The switch box's line speed unless the spec names another one (ARCHITECTURE.md: 115200 8N1). */
export const DEFAULT_BAUD_RATE = 115_200;

/**
 * The speeds termios can set on Linux and macOS (B50 … B4000000). A pty ignores the speed, but a
 * USB-serial adapter rejects anything else at open time with an unhelpful EINVAL, so we reject it
 * here with a clear message instead.
 */
export const STANDARD_BAUD_RATES: readonly number[] = [
  50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200,
  230_400, 460_800, 500_000, 576_000, 921_600, 1_000_000, 1_152_000, 1_500_000, 2_000_000, 2_500_000,
  3_000_000, 3_500_000, 4_000_000,
];

export interface SerialSpec {
  readonly path: string;
  readonly baudRate: number;
}

/** A malformed `--serial` value; the message says what was wrong and what a good one looks like. */
export class SerialSpecError extends Error {
  override readonly name = 'SerialSpecError';
}

const EXAMPLE = 'e.g. /dev/ttyUSB0 or /dev/ttyACM0@57600';

/**
 * Parses `PATH[@BAUD]`. The last `@` splits, so a path containing `@` (udev by-id links do) still
 * works when a baud rate follows; a path ending in `@<digits>` must then name its baud rate too.
 */
export function parseSerialSpec(spec: string): SerialSpec {
  const text = spec.trim();
  if (text === '') throw new SerialSpecError(`serial device is empty; give PATH[@BAUD], ${EXAMPLE}`);
  const at = text.lastIndexOf('@');
  const tail = at >= 0 ? text.slice(at + 1) : undefined;
  if (tail === undefined || (!/^\d+$/.test(tail) && tail !== '')) return { path: text, baudRate: DEFAULT_BAUD_RATE };
  const path = text.slice(0, at);
  if (path === '') throw new SerialSpecError(`serial device "${spec}" has no path before "@"; ${EXAMPLE}`);
  if (tail === '') throw new SerialSpecError(`serial device "${spec}" has no baud rate after "@"; ${EXAMPLE}`);
  const baudRate = Number(tail);
  if (!STANDARD_BAUD_RATES.includes(baudRate)) {
    throw new SerialSpecError(
      `serial device "${spec}": ${tail} is not a standard baud rate; use one of 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600 …`,
    );
  }
  return { path, baudRate };
}

/** The inverse of parseSerialSpec, for logs and status lines. */
export function formatSerialSpec(spec: SerialSpec): string {
  return spec.baudRate === DEFAULT_BAUD_RATE ? spec.path : `${spec.path}@${spec.baudRate}`;
}
