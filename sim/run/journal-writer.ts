// Appends journal records as NDJSON. Whole lines only, written synchronously in batches, so an interrupted
// run leaves a journal that is complete up to its last flush and always parseable. Never overwrites a file.
import { closeSync, openSync, writeSync } from 'node:fs';
import { formatJournalRecord, type JournalHeader, type JournalRecord } from '../../hal/signals/index.ts';

export class JournalWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private bytes = 0;
  private closed = false;
  count = 0;

  /** Opens `path` exclusively (an existing file is an error: runs are never overwritten) and writes the header. */
  constructor(
    readonly path: string,
    header: JournalHeader,
    private readonly flushBytes = 64 * 1024,
  ) {
    this.fd = openSync(path, 'wx');
    this.write(header);
    this.flush();
  }

  append(record: JournalRecord): void {
    this.write(record);
    if (this.bytes >= this.flushBytes) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0 || this.closed) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.bytes = 0;
    writeSync(this.fd, text);
  }

  /**
   * Flushes and closes. Idempotent. No fsync: the run's other outputs (report, JUnit) are not synced either, and
   * a sync cost ~5% of a short lockstep run's wall time; what a process stop must not lose, write() already gave
   * the kernel.
   */
  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }

  private write(entry: JournalHeader | JournalRecord): void {
    if (this.closed) throw new Error(`journal ${this.path} is closed`);
    const line = `${formatJournalRecord(entry)}\n`;
    this.buffer.push(line);
    this.bytes += line.length;
    this.count++;
  }
}
