// coalesceWrites: the writes of one event-loop turn reach the stream as one writev, in order, turn after turn.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coalesceWrites } from '../../../hal/mqtt/index.ts';

function recorder(): { stream: Writable; batches: string[][] } {
  const batches: string[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      batches.push([chunk.toString()]);
      cb();
    },
    writev(chunks, cb) {
      batches.push(chunks.map((c) => (c.chunk as Buffer).toString()));
      cb();
    },
  });
  return { stream, batches };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('coalesceWrites', () => {
  it.each([1, 2, 5, 50])('%i writes in one turn leave as one batch, in order', async (n) => {
    const { stream, batches } = recorder();
    coalesceWrites(stream);
    for (let i = 0; i < n; i++) stream.write(`p${i}`);
    expect(batches).toEqual([]); // held until the turn ends
    await turn();
    await turn();
    expect(batches).toEqual([Array.from({ length: n }, (_, i) => `p${i}`)]);
  });

  it('corks again on the next turn, and applying it twice changes nothing', async () => {
    const { stream, batches } = recorder();
    coalesceWrites(stream);
    coalesceWrites(stream);
    stream.write('a');
    stream.write('b');
    await turn();
    stream.write('c');
    await turn();
    await turn();
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });
});
