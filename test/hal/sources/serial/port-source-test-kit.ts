// Re-exports for the SerialSource tests, so each test imports the source surface from one place.
export * from '../../../../hal/sources/serial/index.ts';
export type { SourceEvent as SourceEventLike } from '../../../../hal/sources/source.ts';
