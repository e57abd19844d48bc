// Profile errors: every problem carries the file and the 1-based YAML position it came from.

export interface ProfileError {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  message: string;
}

/** Sorted by position so an editor's problem list and `kis validate` read top to bottom. */
export function sortErrors(errors: readonly ProfileError[]): ProfileError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || a.e.col - b.e.col || a.i - b.i)
    .map(({ e }) => e);
}

export function formatError(e: ProfileError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.message}`;
}

/** One `file:line:col: message` line per error — the `kis validate` output format. */
export function formatErrors(errors: readonly ProfileError[]): string {
  return errors.map(formatError).join('\n');
}

/** Thrown by loadProfile; `errors` holds every problem found, not just the first. */
export class ProfileLoadError extends Error {
  readonly errors: ProfileError[];
  constructor(errors: readonly ProfileError[]) {
    super(formatErrors(errors));
    this.name = 'ProfileLoadError';
    this.errors = [...errors];
  }
}
