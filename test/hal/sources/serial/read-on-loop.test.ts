// readOnTheLoop: read(2) on the event loop, the poller only when nothing is there; a closed port's read is canceled.
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closeSync, constants, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOnTheLoop } from '../../../../hal/sources/serial/index.ts';

const fds: number[] = [];
afterEach(() => {
  for (const fd of fds.splice(0)) closeSync(fd);
});

/** A FIFO opened non-blocking on both ends: as the binding's device, read(2) answers EAGAIN when empty. */
function fakePort() {
  const path = join(mkdtempSync(join(tmpdir(), 'kis-fifo-')), 'dev');
  execFileSync('mkfifo', [path]);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  fds.push(fd, writer);
  const poller = new EventEmitter();
  const port = { fd: fd as number | null, isOpen: true, poller, read: async (_b: Buffer, _o: number, _l: number) => ({ bytesRead: -1, buffer: Buffer.alloc(0) }) };
  return { port, poller, write: (s: string) => writeSync(writer, s) };
}

describe('readOnTheLoop', () => {
  it.each([[undefined], [{}], [{ fd: 3, read: () => undefined }]])('leaves what is not a Unix port alone: %j', (p) => {
    expect(readOnTheLoop(p)).toBe(false);
  });

  it('returns what is there at once, without the poller', async () => {
    const { port, poller, write } = fakePort();
    expect(readOnTheLoop(port)).toBe(true);
    write('$KIS,HB,1*00\r\n');
    const buf = Buffer.alloc(64);
    const r = await port.read(buf, 0, 64);
    expect(buf.subarray(0, r.bytesRead).toString()).toBe('$KIS,HB,1*00\r\n');
    expect(poller.listenerCount('readable')).toBe(0);
  });

  it('on EAGAIN waits for the poller, then reads', async () => {
    const { port, poller, write } = fakePort();
    readOnTheLoop(port);
    const buf = Buffer.alloc(64);
    const pending = port.read(buf, 0, 64);
    await new Promise((r) => setImmediate(r));
    expect(poller.listenerCount('readable')).toBe(1);
    write('abc');
    poller.emit('readable', null);
    expect((await pending).bytesRead).toBe(3);
  });

  it('a port closed under a waiting read fails it as canceled (the stream ignores those)', async () => {
    const { port, poller } = fakePort();
    readOnTheLoop(port);
    const pending = port.read(Buffer.alloc(8), 0, 8);
    await new Promise((r) => setImmediate(r));
    port.isOpen = false;
    poller.emit('readable', null);
    await expect(pending).rejects.toMatchObject({ canceled: true });
  });
});
