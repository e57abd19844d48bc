// The hub's records as NDJSON bytes, in fixed chunks built on first need and kept: a record never changes once
// journalled, so every page that loads the backlog after the first one costs the server no serialising.
import type { JournalRecord } from '../../hal/signals/index.ts';

/** Records per chunk: ~0.5 MiB on the large profile, small enough to stream while the next one is built. */
export const CHUNK_RECORDS = 2000;

export class NdjsonChunks {
  private readonly full: Buffer[] = [];

  constructor(
    private readonly records: readonly JournalRecord[],
    private readonly perChunk = CHUNK_RECORDS,
  ) {}

  /**
   * Records [0, count) as NDJSON, one Buffer per chunk. Full chunks are cached; the tail of a run still
   * being written is serialised for this caller only. Lazy, so a streaming writer can yield between chunks.
   */
  *upTo(count: number): Generator<Buffer> {
    const n = Math.min(count, this.records.length);
    for (let from = 0; from < n; from += this.perChunk) {
      const to = Math.min(n, from + this.perChunk);
      const i = from / this.perChunk;
      const cached = this.full[i];
      if (cached) {
        yield to === from + this.perChunk ? cached : this.build(from, to);
        continue;
      }
      const chunk = this.build(from, to);
      // Chunks are cached in order only, so `full[i]` always starts at record i * perChunk.
      if (to - from === this.perChunk && i === this.full.length) this.full.push(chunk);
      yield chunk;
    }
  }

  private build(from: number, to: number): Buffer {
    const parts: string[] = [];
    for (let i = from; i < to; i++) parts.push(JSON.stringify(this.records[i]));
    parts.push('');
    return Buffer.from(parts.join('\n'));
  }
}
