// Paths into a profile document ("vehicle.stages[0].nodes[1].cpu") for messages and position lookup.

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A problem found at a path; `on: 'key'` points at the field name rather than its value. */
export interface Issue {
  path: Path;
  message: string;
  on: 'key' | 'value';
}

/** "path: message", or the bare message at the document root. */
export function issueMessage(issue: Issue): string {
  const where = formatPath(issue.path);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
