// Serialises stored objects once: the store never mutates an object it handed out (writes replace), so the
// JSON of an object, and of a watch event shared by every watcher, can be cached by identity.
import type { KubeObject, WatchEvent } from '../store/index.ts';

const objectText = new WeakMap<object, string>();
const eventLine = new WeakMap<object, string>();

export function objectJson(obj: KubeObject): string {
  let text = objectText.get(obj);
  if (text === undefined) {
    text = JSON.stringify(obj);
    objectText.set(obj, text);
  }
  return text;
}

/** `{"type":…,"object":…}\n` for a watch event, built once however many watchers receive it. */
export function watchEventLine(ev: WatchEvent, type: string = ev.type): string {
  if (type !== ev.type) return `{"type":${JSON.stringify(type)},"object":${objectJson(ev.object)}}\n`;
  let line = eventLine.get(ev);
  if (line === undefined) {
    line = `{"type":"${ev.type}","object":${objectJson(ev.object)}}\n`;
    eventLine.set(ev, line);
  }
  return line;
}

/** A List response assembled from the cached JSON of its items. */
export function listJson(head: Record<string, unknown>, items: readonly KubeObject[]): string {
  const prefix = JSON.stringify(head).slice(0, -1);
  let body = `${prefix},"items":[`;
  for (let i = 0; i < items.length; i++) body += (i ? ',' : '') + objectJson(items[i]!);
  return `${body}]}`;
}
