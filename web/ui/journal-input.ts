// Getting a journal into the page without a server: drop a file on it, pick one, or `?journal=<url>`.
// Parsing happens here in the browser (web/model parseJournalText).

export interface JournalText {
  readonly text: string;
  readonly name: string;
}

/** The `?journal=` URL of the page, if any. */
export function journalParam(search: string): string | undefined {
  const v = new URLSearchParams(search).get('journal');
  return v ? v : undefined;
}

export async function fetchJournal(url: string): Promise<JournalText> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not fetch the journal ${url}: HTTP ${res.status}`);
  return { text: await res.text(), name: url.split('/').pop() || url };
}

export async function readFile(file: File): Promise<JournalText> {
  return { text: await file.text(), name: file.name };
}

/** Whole-window drop target; shows `overlay` while a file is dragged over the page. */
export function installDropZone(target: HTMLElement, overlay: HTMLElement, onFile: (file: File) => void): void {
  let depth = 0;
  const show = (on: boolean) => overlay.classList.toggle('on', on);
  target.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    show(true);
  });
  target.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) show(false);
  });
  target.addEventListener('dragover', (e) => e.preventDefault());
  target.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    show(false);
    const f = e.dataTransfer?.files[0];
    if (f) onFile(f);
  });
}
