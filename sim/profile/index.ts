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
