// web/model: journal records → the scene and panels' state at any instant (pure; runs in the browser and in Node).
export { parseJournalText, JournalTextError, JournalTextStream } from './parse.ts';
export type { JournalLineError, ParsedJournalText } from './parse.ts';
export { createJournalModel } from './model.ts';
export type { JournalModelOptions } from './model.ts';
export { layoutOf, deriveLayout, DEFAULT_STAGE } from './layout.ts';
export type * from './types.ts';
