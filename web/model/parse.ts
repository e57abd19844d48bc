// Reads journal NDJSON text in the browser: a header, then records; bad lines become errors, not throws.
import type { JournalHeader, JournalRecord } from './types.ts';

/** Copied from hal/signals/journal.ts (web/ imports only types from hal/signals). */
const JOURNAL_FORMAT = 'kis-journal';
const JOURNAL_VERSION = 1;
const RECORD_KINDS: ReadonlySet<string> = new Set(['signal', 'action', 'cluster', 'expect', 'telemetry', 'log']);

export interface JournalLineError {
  /** 1-based line number in the text. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedJournalText {
  readonly header: JournalHeader;
  readonly records: JournalRecord[];
  readonly errors: JournalLineError[];
}

/** Thrown when the text is not a kis journal at all (no header, or another format/version). */
export class JournalTextError extends Error {
  override readonly name = 'JournalTextError';
  constructor(
    readonly problem: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * Parses a whole journal. The header must be the first non-blank line (else this throws, with the
 * line); a later line that is not a valid record — most often the torn last line of a live or crashed
 * run — is reported in `errors` and skipped, so whatever was written can still be viewed.
 * Records are checked only for what the model reads (kind, t and the fields that name things): the
 * writer (hal/signals/journal-codec.ts) validates fully, and a full check here would double load time.
 */
export function parseJournalText(text: string): ParsedJournalText {
  const stream = new JournalTextStream();
  stream.push(text);
  return stream.finish();
}

/**
 * The same parser fed in pieces (a fetch body as it arrives): lines may be split anywhere between
 * pieces. `header` is known once its line is in, so a reader can start its model before the rest.
 */
export class JournalTextStream {
  header: JournalHeader | undefined;
  readonly records: JournalRecord[] = [];
  readonly errors: JournalLineError[] = [];
  #rest = '';
  #lineNo = 0;

  /** Parses every whole line of `chunk` (with what was left of the previous one); throws like parseJournalText. */
  push(chunk: string): void {
    const text = this.#rest === '' ? chunk : this.#rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.#line(text.slice(start, end));
      start = end + 1;
    }
    this.#rest = start === 0 ? text : text.slice(start);
  }

  /** The last line (a journal need not end with a newline), and the result. */
  finish(): ParsedJournalText {
    if (this.#rest !== '') this.#line(this.#rest);
    this.#rest = '';
    if (!this.header) throw new JournalTextError('empty journal: no header line', 1);
    return { header: this.header, records: this.records, errors: this.errors };
  }

  #line(raw: string): void {
    const lineNo = ++this.#lineNo;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    if (!this.header) {
      this.header = readHeader(line, lineNo);
      return;
    }
    const parsed = readRecord(line);
    if (typeof parsed === 'string') this.errors.push({ line: lineNo, message: parsed });
    else this.records.push(parsed);
  }
}

function readHeader(line: string, lineNo: number): JournalHeader {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new JournalTextError(`the header is not valid JSON (${(err as Error).message})`, lineNo);
  }
  if (!isObject(value) || value.kind !== 'header') {
    throw new JournalTextError('the first line is not a journal header (expected {"kind":"header",...}): is this a kis journal?', lineNo);
  }
  if (value.format !== JOURNAL_FORMAT) {
    throw new JournalTextError(`format ${JSON.stringify(value.format)} is not ${JOURNAL_FORMAT}`, lineNo);
  }
  if (value.version !== JOURNAL_VERSION) {
    throw new JournalTextError(`unsupported journal version ${JSON.stringify(value.version)} (this viewer reads version ${JOURNAL_VERSION})`, lineNo);
  }
  return value as unknown as JournalHeader;
}

/** The record, or what is wrong with the line. */
export function readRecord(line: string): JournalRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return `not valid JSON (${(err as Error).message}); a torn last line means the run was still writing or crashed`;
  }
  if (!isObject(value)) return 'expected a JSON object';
  const kind = value.kind;
  if (kind === 'header') return 'a second header; a journal has exactly one, on its first line';
  if (typeof kind !== 'string' || !RECORD_KINDS.has(kind)) return `unknown record kind ${JSON.stringify(kind)}`;
  if (typeof value.t !== 'number' || !Number.isFinite(value.t)) return `${kind} record: t must be a finite number`;
  const problem = checkKind(kind, value);
  return problem === undefined ? (value as unknown as JournalRecord) : `${kind} record: ${problem}`;
}

function checkKind(kind: string, v: Record<string, unknown>): string | undefined {
  switch (kind) {
    case 'signal':
      return isObject(v.signal) && typeof v.signal.type === 'string' ? undefined : 'signal must be an object with a type';
    case 'action':
      if (!isObject(v.action) || typeof v.action.type !== 'string') return 'action must be an object with a type';
      return typeof v.status === 'string' ? undefined : 'status must be a string';
    case 'cluster':
      if (typeof v.resource !== 'string' || typeof v.name !== 'string') return 'resource and name must be strings';
      if (v.op !== 'added' && v.op !== 'modified' && v.op !== 'deleted') return 'op must be added | modified | deleted';
      return v.data === undefined || isObject(v.data) ? undefined : 'data must be an object';
    case 'expect':
      return typeof v.name === 'string' && (v.status === 'pass' || v.status === 'fail') ? undefined : 'name and status (pass | fail) required';
    case 'telemetry':
      return typeof v.channel === 'string' && isObject(v.values) ? undefined : 'channel and values required';
    default:
      return typeof v.message === 'string' ? undefined : 'message must be a string';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
