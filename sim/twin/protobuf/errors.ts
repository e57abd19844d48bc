// The one error type the protobuf decoder throws: it names the field path and byte offset that failed.

export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
  /** JSON-style path of the field being decoded (`spec.containers[0].resources`), '' at the top. */
  readonly path: string;
  /** Byte offset into the request body where the problem was found, or -1 when not tied to one. */
  readonly offset: number;

  constructor(message: string, path = '', offset = -1) {
    const where = [path && `at ${path}`, offset >= 0 && `byte ${offset}`].filter(Boolean).join(', ');
    super(where ? `${message} (${where})` : message);
    this.path = path;
    this.offset = offset;
  }
}
