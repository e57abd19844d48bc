// hal/signals: the vocabulary shared by profiles, sources, wiring, cluster, runner and web.
export type { JsonObject, JsonPrimitive, JsonValue } from './json.ts';
export * from './conventions.ts';
export * from './signal.ts';
export * from './action.ts';
export * from './journal.ts';
export * from './live.ts';
export { checkJournalEntry, formatJournalRecord, parseJournal, parseJournalLine } from './journal-codec.ts';
export type { ParsedJournal } from './journal-codec.ts';
export { ACTION_SHAPES, SIGNAL_SHAPES, checkAction, checkSignal, isAction, isSignal } from './schemas.ts';
