// Maps a path in the parsed profile back to its 1-based line and column in the YAML source.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Issue } from './path.ts';

export interface Position {
  line: number;
  col: number;
}

export type Locator = (issue: Pick<Issue, 'path' | 'on'>) => Position;

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return k === null || k === undefined ? '' : undefined;
}

/**
 * Walks the YAML AST along `path`. The position is the value node's start (or the key's when
 * `on` is 'key' or the value is empty); a path that goes further than the document does ends at
 * the deepest node found, which is where the missing thing belongs.
 */
export function makeLocator(doc: Document, lines: LineCounter): Locator {
  return ({ path, on }) => {
    let node: unknown = doc.contents;
    let offset = startOf(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      if (isAlias(node)) node = node.resolve(doc);
      const seg = path[i];
      let next: unknown;
      let keyStart: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p) === String(seg));
        if (pair) {
          next = pair.value;
          keyStart = startOf(pair.key);
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
      }
      if (next === undefined && keyStart === undefined) break;
      const last = i === path.length - 1;
      // An empty value (`metadata:`) has no text of its own; point at its key instead.
      const empty = isScalar(next) && next.value === null && next.source === '';
      const valueStart = empty ? undefined : startOf(next);
      offset = (last && on === 'key') || valueStart === undefined ? (keyStart ?? offset) : valueStart;
      node = next;
    }
    return lines.linePos(offset);
  };
}
