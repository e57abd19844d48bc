// The web view's entry: builds the page, picks the feed (?journal=<url>, the server's live socket, or
// a file dropped later) and exposes window.kisView for end-to-end tests and debugging.
import type { JournalModel, SceneState } from './model/index.ts';
import { VehicleScene } from './scene/index.ts';
import { App, browserClock, fetchJournal, journalParam, type FrameStats, type SceneLike, type Subject } from './ui/index.ts';

/** The test hook (web/README.md). */
export interface KisView {
  readonly model: JournalModel | undefined;
  state(): SceneState | undefined;
  seek(t: number): void;
  select(subject: Subject | undefined): void;
  readonly scene: SceneLike | undefined;
  /** True once a journal is loaded and a frame has been drawn. */
  readonly ready: boolean;
  /** The shown mission time (ms), playing or not. */
  time(): number;
  /** JS time of the last frame that changed anything: model seek, scene update, panels. */
  frameStats(): FrameStats;
}

declare global {
  interface Window {
    kisView: KisView;
  }
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const app = new App(root, browserClock(), (canvas) => new VehicleScene(canvas));

window.kisView = {
  get model() {
    return app.model;
  },
  state: () => app.state(),
  seek: (t) => app.seek(t),
  select: (s) => app.select(s),
  get scene() {
    return app.scene;
  },
  get ready() {
    return app.ready;
  },
  time: () => app.playback().t,
  frameStats: () => app.frameStats(),
};

const journal = journalParam(location.search);
if (journal) {
  fetchJournal(journal).then(
    (jt) => app.openText(jt),
    (err: unknown) => app.notice(err instanceof Error ? err.message : String(err)),
  );
} else if (location.protocol === 'http:' || location.protocol === 'https:') {
  // Served by kis replay / serve / run --serve: the run so far in one HTTP response, then the live socket.
  // Served by anything else, both fail and the page waits for a dropped file.
  void app.openServer(location);
}
app.start();
