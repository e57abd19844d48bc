// The live hub: holds the journal (header and records) of a run or a replay and streams it to every browser
// on the /live WebSocket (hal/signals/live.ts). Each client has its own cursor and at most one batch in flight,
// so a slow client falls behind on its own while the run appends without ever waiting for it.
import type { WebSocket } from 'ws';
import type { InjectableSignal, JournalHeader, JournalRecord, LiveRole, LiveServerMessage } from '../../hal/signals/index.ts';
import type { InjectResult, LiveSink } from '../run/live.ts';
import { parseClientMessage } from './messages.ts';
import { NdjsonChunks } from './ndjson-chunks.ts';

export type Injector = (signal: InjectableSignal) => InjectResult;

export interface HubOptions {
  /** Records per `records` message at most (default 500). */
  batchRecords?: number;
  /** Bytes per `records` message, roughly (default 256 KiB). */
  batchBytes?: number;
  /**
   * A replay's records as its file holds them (NDJSON after the header line): GET /api/journal sends these
   * bytes as they are instead of serialising every record (see replay-session.ts replayHub).
   */
  recordsText?: Buffer;
}

interface Client {
  readonly ws: WebSocket;
  readonly role: LiveRole;
  cursor: number;
  inFlight: boolean;
  helloSent: boolean;
  endSent: boolean;
}

export class LiveHub implements LiveSink {
  private head: JournalHeader | undefined;
  private readonly records: JournalRecord[] = [];
  private ended = false;
  private readonly clients = new Set<Client>();
  private readonly text = new NdjsonChunks(this.records);
  private readonly batchRecords: number;
  private readonly batchBytes: number;
  private readonly recordsText: Buffer | undefined;
  /** Set by whoever runs the mission; a replay has none and refuses every injection. */
  injector: Injector | undefined;

  constructor(
    readonly mode: 'live' | 'replay',
    options: HubOptions = {},
  ) {
    this.batchRecords = options.batchRecords ?? 5000;
    this.batchBytes = options.batchBytes ?? 1024 * 1024;
    this.recordsText = options.recordsText;
  }

  /** A finished journal, served as a replay. */
  static replay(header: JournalHeader, records: readonly JournalRecord[], options: HubOptions = {}): LiveHub {
    const hub = new LiveHub('replay', options);
    hub.header(header);
    records.forEach((r, i) => hub.record(r, i));
    hub.end(records.length);
    return hub;
  }

  get recordCount(): number {
    return this.records.length;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** The journal so far, for GET /api/journal: undefined before a header; records up to `count` as NDJSON. */
  snapshot(): { readonly header: JournalHeader; readonly count: number; readonly chunks: Iterable<Buffer> } | undefined {
    if (!this.head) return undefined;
    const count = this.records.length;
    const file = this.recordsText;
    return { header: this.head, count, chunks: file && this.ended ? slices(file, 1 << 20) : this.text.upTo(count) };
  }

  header(header: JournalHeader): void {
    this.head = header;
    this.wakeAll();
  }

  record(record: JournalRecord, index: number): void {
    // The runner numbers records from 0 in order; the index is checked so a wrong caller is loud, not silent.
    if (index !== this.records.length) throw new RangeError(`live hub: record ${index} arrived when ${this.records.length} was expected`);
    this.records.push(record);
    this.wakeAll();
  }

  end(recordCount: number): void {
    if (recordCount !== this.records.length) throw new RangeError(`live hub: ended at ${recordCount} records, holding ${this.records.length}`);
    this.ended = true;
    this.wakeAll();
  }

  /** An injection from a browser or POST /api/inject, already authenticated as `role`. */
  inject(signal: InjectableSignal, role: LiveRole): InjectResult & { readonly status: 202 | 400 | 403 | 409 } {
    if (this.mode === 'replay') return { ok: false, reason: 'this is a replay: a recorded run takes no injections', status: 409 };
    if (role !== 'instructor') return { ok: false, reason: 'instructor token required', status: 403 };
    if (!this.injector || this.ended) return { ok: false, reason: 'the run is over', status: 409 };
    const r = this.injector(signal);
    return { ...r, status: r.ok ? 202 : r.invalid ? 400 : 409 };
  }

  /** Serves one WebSocket from the first record (or `from`, when a reconnecting client says what it holds). */
  attach(ws: WebSocket, role: LiveRole, from = 0): void {
    const client: Client = { ws, role, cursor: clampCursor(from, this.records.length), inFlight: false, helloSent: false, endSent: false };
    this.clients.add(client);
    ws.on('message', (data, isBinary) => this.onMessage(client, isBinary ? '' : data.toString()));
    ws.on('close', () => this.clients.delete(client));
    ws.on('error', () => this.clients.delete(client));
    this.pump(client);
  }

  /** Closes every client (going away). */
  close(): void {
    for (const c of this.clients) c.ws.close(1001, 'server stopping');
    this.clients.clear();
  }

  private onMessage(client: Client, text: string): void {
    const msg = parseClientMessage(text);
    if ('problem' in msg) return this.send(client, { type: 'refused', ...(msg.requestId ? { requestId: msg.requestId } : {}), reason: msg.problem });
    if (msg.type === 'resume') {
      client.cursor = clampCursor(msg.from, this.records.length);
      client.endSent = false;
      return this.pump(client);
    }
    const r = this.inject(msg.signal, client.role);
    this.send(client, r.ok ? { type: 'injected', requestId: msg.requestId, signal: r.signal } : { type: 'refused', requestId: msg.requestId, reason: r.reason });
  }

  private wakeAll(): void {
    for (const c of this.clients) this.pump(c);
  }

  private pump(c: Client): void {
    if (c.inFlight || !this.head || c.ws.readyState !== c.ws.OPEN) return;
    if (!c.helloSent) {
      c.helloSent = true;
      this.send(c, { type: 'hello', mode: this.mode, role: c.role, header: this.head, recordCount: this.records.length });
    }
    if (c.cursor < this.records.length) {
      const from = c.cursor;
      const parts: string[] = [];
      let bytes = 0;
      while (c.cursor < this.records.length && parts.length < this.batchRecords && bytes < this.batchBytes) {
        const json = JSON.stringify(this.records[c.cursor++]);
        parts.push(json);
        bytes += json.length + 1;
      }
      // Built by hand so each record is stringified once, whatever the batch size.
      const text = `{"type":"records","from":${from},"records":[${parts.join(',')}]}`;
      c.inFlight = true;
      c.ws.send(text, (err) => {
        c.inFlight = false;
        if (err) this.clients.delete(c);
        else this.pump(c);
      });
      return;
    }
    if (this.ended && !c.endSent) {
      c.endSent = true;
      this.send(c, { type: 'end', recordCount: this.records.length });
    }
  }

  private send(c: Client, msg: LiveServerMessage): void {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(msg));
  }
}

function* slices(buf: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

function clampCursor(from: number, length: number): number {
  return Number.isSafeInteger(from) && from > 0 ? Math.min(from, length) : 0;
}
