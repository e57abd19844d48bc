// Shared plumbing for the semantic checks: where issues go, reference and duplicate checks.

import { suggestion } from './did-you-mean.ts';
import type { Names } from './names.ts';
import { formatPath, type Issue, type Path } from './path.ts';
import { str, type Raw } from './raw.ts';

export class CheckContext {
  readonly issues: Issue[] = [];
  readonly names: Names;
  constructor(names: Names) {
    this.names = names;
  }

  add(path: Path, message: string, on: Issue['on'] = 'value'): void {
    this.issues.push({ path, message, on });
  }

  /** Reports `value` at `path` unless it names one of `known` (a `what` such as "stage"). */
  ref(path: Path, value: unknown, known: Iterable<string>, what: string): void {
    if (typeof value !== 'string') return; // the schema already reported a wrong type
    const names = [...known];
    if (names.includes(value)) return;
    const hint = suggestion(value, names);
    const many = what.endsWith('s') ? `${what}es` : `${what}s`;
    const expected = names.length === 0 ? `no ${many} are declared` : names.length <= 8 ? `expected one of ${names.join(', ')}` : `${names.length} ${many} are declared`;
    this.add(path, `unknown ${what} "${value}"${hint}; ${expected}`);
  }

  /** Reports every entry whose `name` repeats an earlier one in the same list. */
  unique(entries: Array<[Raw, number]>, base: Path, what: string, key = 'name'): void {
    const seen = new Map<string, number>();
    for (const [r, i] of entries) {
      const name = str(r[key]);
      if (name === undefined) continue;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else this.add([...base, i, key], `duplicate ${what} "${name}" (first at ${formatPath([...base, first])})`);
    }
  }
}
