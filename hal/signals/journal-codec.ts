// Parses and formats journal lines with a canonical key order, so the same run gives the same bytes.
import type { JournalEntry, JournalHeader, JournalRecord, JournalRecordKind } from './journal.ts';
import { ACTION_STATUSES, JOURNAL_FORMAT, JOURNAL_VERSION, JournalError } from './journal.ts';
import { checkAction, checkSignal } from './schemas.ts';
import { checkField, checkShape, isPlainObject, type Shape } from './shape.ts';

type RecordShapes = { readonly [K in JournalRecordKind]: Shape };

const t = { type: 'number' } as const;
const RECORD_SHAPES: RecordShapes = {
  signal: { t, kind: { type: ['signal'] }, signal: { type: (v, p) => checkSignal(v, p) } },
  action: {
    t,
    kind: { type: ['action'] },
    action: { type: (v, p) => checkAction(v, p) },
    status: { type: ACTION_STATUSES },
    detail: { type: 'string', optional: true },
  },
  cluster: {
    t,
    kind: { type: ['cluster'] },
    op: { type: ['added', 'modified', 'deleted'] },
    resource: { type: 'string' },
    name: { type: 'string' },
    namespace: { type: 'string', optional: true },
    data: { type: (v, p) => (isPlainObject(v) ? checkField(v, 'json', p) : `${p}: expected an object`), optional: true },
  },
  expect: {
    t,
    kind: { type: ['expect'] },
    name: { type: 'string' },
    status: { type: ['pass', 'fail'] },
    message: { type: 'string', optional: true },
    observed: { type: 'json', optional: true },
  },
  telemetry: { t, kind: { type: ['telemetry'] }, channel: { type: 'string' }, values: { type: 'number-map' } },
  log: {
    t,
    kind: { type: ['log'] },
    level: { type: ['debug', 'info', 'warn', 'error'] },
    message: { type: 'string' },
    module: { type: 'string', optional: true },
  },
};

const HEADER_SHAPE: Shape = {
  kind: { type: ['header'] },
  format: { type: [JOURNAL_FORMAT] },
  version: { type: 'int' },
  profile: { type: 'string', optional: true },
  vehicle: { type: 'string', optional: true },
  seed: { type: 'int', optional: true },
  clock: { type: ['lockstep', 'scaled', 'realtime'], optional: true },
};

/** Returns the problem with `value` as a journal entry, or undefined when it is valid. */
export function checkJournalEntry(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'expected a JSON object';
  if (value.kind === 'header') {
    if (value.version !== JOURNAL_VERSION && Number.isSafeInteger(value.version)) {
      return `unsupported journal version ${String(value.version)} (this kis reads version ${JOURNAL_VERSION})`;
    }
    // Extra header fields are allowed (writers may record more context) but must be JSON.
    return checkShape(value, HEADER_SHAPE, '', true) ?? checkField(value, 'json', 'header');
  }
  const kind = value.kind;
  const shape = typeof kind === 'string' && Object.hasOwn(RECORD_SHAPES, kind) ? RECORD_SHAPES[kind as JournalRecordKind] : undefined;
  if (!shape) {
    return `kind: expected header | ${Object.keys(RECORD_SHAPES).join(' | ')}, got ${JSON.stringify(kind) ?? 'nothing'}`;
  }
  return checkShape(value, shape, '');
}

/** Parses one NDJSON line (without its newline). `lineNumber` is 1-based and only for messages. */
export function parseJournalLine(line: string, lineNumber: number): JournalEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new JournalError(`not valid JSON (${(err as Error).message})`, lineNumber);
  }
  const problem = checkJournalEntry(value);
  if (problem) throw new JournalError(problem, lineNumber);
  return value as JournalEntry;
}

export interface ParsedJournal {
  readonly header: JournalHeader;
  readonly records: JournalRecord[];
}

/** Parses a whole journal: a header first, then records. Blank lines are skipped. */
export function parseJournal(text: string): ParsedJournal {
  const lines = text.split('\n');
  let header: JournalHeader | undefined;
  const records: JournalRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.trim() === '') continue;
    const entry = parseJournalLine(line, i + 1);
    if (entry.kind === 'header') {
      if (header) throw new JournalError('a second header; a journal has exactly one, on its first line', i + 1);
      header = entry as JournalHeader;
    } else if (!header) {
      throw new JournalError(`a ${entry.kind} record before the header; the first line must be the header`, i + 1);
    } else {
      records.push(entry as JournalRecord);
    }
  }
  if (!header) throw new JournalError('empty journal: no header line', 1);
  return { header, records };
}

/** Keys written first, in this order; all others follow alphabetically, at every depth. */
const LEADING_KEYS = ['t', 'kind', 'type', 'format', 'version'];

const LEADING_RANK = new Map(LEADING_KEYS.map((k, i) => [k, i]));

/** Canonical key order: the leading keys in their order, then the rest in code-unit order. */
function keyOrder(a: string, b: string): number {
  const ia = LEADING_RANK.get(a);
  const ib = LEADING_RANK.get(b);
  if (ia !== undefined || ib !== undefined) return (ia ?? Infinity) - (ib ?? Infinity);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The value with keys in canonical order, undefined members dropped and -0 written as 0. A part that is canonical
 * already is returned as it is (most records are built in canonical order): no copy per record written.
 */
function canonical(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const c = canonical(value[i]);
      if (c !== value[i] && out === undefined) out = value.slice(0, i);
      out?.push(c);
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  let same = true;
  for (let i = 0; i < keys.length && same; i++) {
    const k = keys[i]!;
    // "__proto__" must be rebuilt on a null prototype (below) so it is written back as data.
    if (value[k] === undefined || k === '__proto__' || (i > 0 && keyOrder(keys[i - 1]!, k) > 0)) same = false;
  }
  if (same) {
    let changed: Record<string, unknown> | undefined;
    for (const k of keys) {
      const c = canonical(value[k]);
      if (c !== value[k]) (changed ??= {})[k] = c;
    }
    if (changed === undefined) return value;
  }
  const sorted = keys.filter((k) => value[k] !== undefined).sort(keyOrder);
  // A null prototype so a "__proto__" key read by JSON.parse is written back as data.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of sorted) out[k] = canonical(value[k]);
  return out;
}

/**
 * One journal line, without the trailing newline. Validates first, so a writer can never produce
 * a line the reader rejects; keys are in canonical order whatever order the object was built in.
 */
export function formatJournalRecord(entry: JournalEntry): string {
  const problem = checkJournalEntry(entry);
  if (problem) throw new JournalError(problem);
  return JSON.stringify(canonical(entry));
}
