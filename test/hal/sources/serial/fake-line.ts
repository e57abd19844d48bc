// A fake serial device for SerialSource unit tests: the test plugs, unplugs and sends bytes by hand.
import type { SerialLink, SerialLinkHandlers, SerialOpener, SerialSpec } from '../../../../hal/sources/serial/index.ts';
import { describeOpenError } from '../../../../hal/sources/serial/index.ts';

export class FakeLine {
  present = true;
  opens = 0;
  private handlers: SerialLinkHandlers | undefined;
  readonly written: string[] = [];

  readonly open: SerialOpener = async (spec: SerialSpec, handlers: SerialLinkHandlers): Promise<SerialLink> => {
    if (!this.present) throw describeOpenError(spec.path, Object.assign(new Error(`Error: No such file or directory, cannot open ${spec.path}`), { code: 'ENOENT' }));
    this.opens++;
    this.handlers = handlers;
    return {
      spec,
      write: async (b) => {
        this.written.push(typeof b === 'string' ? b : new TextDecoder().decode(b));
      },
      close: async () => {
        this.handlers = undefined;
      },
      present: async () => this.present,
    };
  };

  get open_(): boolean {
    return this.handlers !== undefined;
  }

  send(text: string): void {
    this.handlers?.onData(new TextEncoder().encode(text));
  }

  unplug(): void {
    this.present = false;
    const h = this.handlers;
    this.handlers = undefined;
    h?.onLost(Object.assign(new Error('Input/output error'), { disconnected: true }));
  }

  /** The device node vanishes but the kernel never wakes the reader (what a quiet pty can do). */
  vanishSilently(): void {
    this.present = false;
  }

  replug(): void {
    this.present = true;
  }
}
