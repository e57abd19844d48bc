// A small JSON reader that reports repeated object keys with their field paths (JSON.parse silently keeps the last).

export interface DuplicateScan {
  duplicates: string[];
  /** The parsed value (last duplicate wins, as in JSON.parse); undefined if the text is not JSON. */
  value: unknown;
}

/** Scans JSON text; on a syntax error returns no duplicates and value undefined (the caller reports bad JSON). */
export function findDuplicateKeys(text: string): DuplicateScan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { duplicates: [], value: undefined };
  }
  const duplicates: string[] = [];
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const readValue = (path: string): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const k = readString();
        const p = path === '' ? k : `${path}.${k}`;
        if (seen.has(k)) duplicates.push(p);
        seen.add(k);
        ws();
        i++; // ':'
        readValue(p);
        ws();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        readValue(`${path}[${n}]`);
        ws();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') {
      readString();
    } else {
      while (i < text.length && !',}] \t\n\r'.includes(text[i]!)) i++;
    }
  };
  readValue('');
  return { duplicates, value };
}
