// Flight profiles: the YAML format, its JSON Schema, and a loader that reports every error with its position.

export { loadProfile, parseProfile } from './parse.ts';
export { ProfileLoadError, formatErrors, type ProfileError } from './errors.ts';
export { parseDuration, parseMissionTime, formatDuration, formatMissionTime } from './duration.ts';
export { parseQuantity } from './quantity.ts';
export { didYouMean } from './did-you-mean.ts';
export { profileSchema } from './schema.ts';
export { profileImages } from './images.ts';
export { DEFAULTS } from './defaults.ts';
export type * from './types.ts';
// The schema-driven YAML validation machinery, shared with hal/wiring's wiring files.
export { SchemaWalker, type JsonSchema } from './json-schema.ts';
export { makeLocator, type Locator, type Position } from './locate.ts';
export { issueMessage, formatPath, type Issue, type Path, type PathSegment } from './path.ts';
