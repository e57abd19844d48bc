// The error a selector parse or check throws; its message is upstream's text, so clients see what a real API server says.

/** Thrown for a malformed or unsupported label/field selector. The API server answers it with 400 BadRequest. */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}
