// The page host (Open MCT style): owns the journal model, the time, the selection and the feed (a
// file, or the live socket); the scene and the panels only show what it hands them.
import type { InjectableSignal, JournalHeader, JournalRecord } from '../../hal/signals/index.ts';
import { LiveClient, browserSocket, fetchBacklog, journalUrl, liveUrl, type BacklogProgress, type LiveClientOptions, type LiveState, type PageLocation } from '../live/index.ts';
import { createJournalModel, layoutOf, parseJournalText } from '../model/index.ts';
import type { JournalModel, SceneState } from '../model/types.ts';
import type { BrowserClock } from './browser-clock.ts';
import { fileInfo, liveInfo, showsConsole, skippedLines } from './feed-status.ts';
import { HeaderView, type HeaderInfo } from './header-view.ts';
import type { JournalText } from './journal-input.ts';
import { applyCommand, commandFor } from './keyboard.ts';
import { Layout } from './layout.ts';
import type { LoadProgress } from './loading-view.ts';
import type { Subject, ViewContext } from './panel.ts';
import { PhaseMarkers } from './phases.ts';
import { advance, goLive, initialPlayback, seek, togglePlay, type Playback, type Span } from './playback.ts';
import { attachPicking, type SceneLike } from './scene-host.ts';

export interface FrameStats {
  readonly seekMs: number;
  readonly sceneUpdateMs: number;
  readonly panelsMs: number;
  /** Of the last frame that changed anything (scene.frame excluded: see scene.stats()). */
  readonly totalMs: number;
}

/** Panels other than the timeline and charts refresh at most this often while time runs. */
const SLOW_PANEL_MS = 100;
/** While a journal loads, the page is given a chance to paint its progress this often (ms of work). */
const LOAD_SLICE_MS = 200;

export class App {
  readonly #layout: Layout;
  readonly #header: HeaderView;
  #model: JournalModel | undefined;
  #state: SceneState | undefined;
  #phases = new PhaseMarkers();
  #playback: Playback = { t: 0, playing: false, speed: 1, follow: false };
  #selection: Subject | undefined;
  #revision = 0;
  #shown = { t: Number.NaN, revision: -1, selection: '' };
  #slowAt = -Infinity;
  #last = Number.NaN;
  #info: HeaderInfo = { mode: 'none', behind: 0 };
  #live: LiveClient | undefined;
  #helloSeen = false;
  /**
   * What the server already holds when we connect (a replay's whole journal, a live run so far), collected
   * and indexed in one go: appended batch by batch under a page that renders between batches, a one-hour
   * journal took 23 s instead of ~2 s (`npm run bench -- web-load`).
   */
  #backlog: { header: JournalHeader; records: JournalRecord[] } | undefined;
  #ready = false;
  /** Set while a journal loads: the progress card shows and the scene does not render (it would compete for the CPU). */
  #loading: LoadProgress | undefined;
  /** Bumped by every new feed, so a load that a dropped file overtook does not land afterwards. */
  #feed = 0;
  #stats: FrameStats = { seekMs: 0, sceneUpdateMs: 0, panelsMs: 0, totalMs: 0 };
  readonly scene: SceneLike | undefined;

  constructor(
    root: HTMLElement,
    private readonly clock: BrowserClock,
    createScene: (canvas: HTMLCanvasElement) => SceneLike,
  ) {
    this.#header = new HeaderView((f) => void this.openFile(f));
    this.#layout = new Layout(root, this.#header.element, {
      seek: (t) => this.seek(t),
      select: (s) => this.select(s),
      togglePlay: () => this.#setPlayback(togglePlay(this.#playback, this.#span())),
      setSpeed: (speed) => this.#setPlayback({ ...this.#playback, speed }),
      goLive: () => this.#setPlayback(goLive(this.#playback, this.#span())),
      inject: (signal) => this.#inject(signal),
      openFile: (f) => void this.openFile(f),
      now: () => clock.now(),
    });
    try {
      this.scene = createScene(this.#layout.canvas);
      attachPicking(this.#layout.canvas, this.scene, (s) => this.select(s));
    } catch (err) {
      // No WebGL (an old or locked-down browser): the panels, charts and log still work.
      this.#layout.notice(`3D view unavailable: ${err instanceof Error ? err.message : String(err)}`, 'warn');
    }
    this.#header.update(this.#info);
    window.addEventListener('keydown', (e) => this.#key(e));
    // Charts and timeline marks are laid out for their width: a resize redraws them even when paused.
    window.addEventListener('resize', () => (this.#shown = { ...this.#shown, t: Number.NaN }));
  }

  // --- the test hook (window.kisView) reads these ---
  get model(): JournalModel | undefined {
    return this.#model;
  }
  get ready(): boolean {
    return this.#ready;
  }
  /** The state at the shown time, even between a seek and the next frame. */
  state(): SceneState | undefined {
    if (this.#model && this.#playback.t !== this.#shown.t) return this.#model.stateAt(this.#playback.t);
    return this.#state;
  }
  playback(): Playback {
    return this.#playback;
  }

  seek(t: number): void {
    if (!this.#model || !Number.isFinite(t)) return;
    this.#setPlayback(seek(this.#playback, t, this.#span()));
  }

  select(subject: Subject | undefined): void {
    this.#selection = subject ? { kind: subject.kind, key: subject.key } : undefined;
    this.scene?.select(this.#selection);
    this.#slowAt = -Infinity;
  }

  /** A journal from a file or URL: parsed here, no server needed. Replaces whatever was shown. */
  openText(jt: JournalText): void {
    this.#feed++;
    this.#setLoading(undefined);
    try {
      const parsed = parseJournalText(jt.text);
      this.#live?.stop();
      this.#live = undefined;
      this.#reset(parsed.header, parsed.records);
      this.#info = fileInfo(parsed.header, jt.name, parsed.errors);
      this.#header.update(this.#info);
      if (parsed.errors.length) this.#layout.notice(skippedLines(parsed.errors), 'warn');
    } catch (err) {
      this.#layout.notice(`${jt.name}: ${err instanceof Error ? err.message : String(err)}`, 'bad');
    }
  }

  /** A message over the 3D view (a journal that would not load, a lost server). */
  notice(text: string, tone: 'warn' | 'bad' = 'bad'): void {
    this.#layout.notice(text, tone);
  }

  async openFile(file: File): Promise<void> {
    this.openText({ text: await file.text(), name: file.name });
  }

  /**
   * The page's own server (kis replay / serve / run --serve): the backlog in one HTTP response, parsed as it
   * arrives with the progress shown, indexed once; then the socket for what follows. A server without the
   * backlog path (or a static host) gives none, and everything comes over the socket as before.
   */
  async openServer(page: PageLocation): Promise<void> {
    const feed = ++this.#feed;
    performance.mark('kis:fetch');
    this.#setLoading({ done: 0 });
    this.#info = { mode: 'live', connection: 'connecting', behind: 0 };
    this.#header.update(this.#info);
    let slice = this.clock.now();
    let previewed = false;
    const got = await fetchBacklog(journalUrl(page), async (p: BacklogProgress) => {
      // A journal dropped meanwhile replaces this one: stop reading (the reader cancels the download).
      if (feed !== this.#feed) throw new Error('superseded by another journal');
      this.#setLoading({ done: p.stream.records.length, total: p.total });
      if (p.stream.header && !previewed) {
        previewed = true;
        // The vehicle is known from the header: show it (and get its shaders compiled) while the rest loads.
        this.scene?.setLayout(layoutOf(p.stream.header, []));
        void this.scene?.preview();
      }
      if (this.clock.now() - slice < LOAD_SLICE_MS) return;
      await this.clock.yield();
      slice = this.clock.now();
    });
    if (feed !== this.#feed) return;
    if ('reason' in got) {
      this.connect(liveUrl(page));
      return;
    }
    this.#setLoading({ done: got.count, indexing: true });
    await this.clock.yield();
    if (feed !== this.#feed) return;
    // Known before the model is built: a replay opens at its start, a live run follows its head (#span).
    this.#info = { mode: got.mode, connection: 'connecting', behind: 0, header: got.header };
    this.#header.update(this.#info);
    // Marks for the load bench (bench/web/browser-load.ts): read, indexed, first frame.
    performance.mark('kis:backlog');
    this.#reset(got.header, got.records);
    performance.mark('kis:indexed');
    this.connect(liveUrl(page, got.count), { header: got.header, held: got.count, mode: got.mode });
  }

  /**
   * Connects to the server's live socket. If the very first attempt fails there is no server (a
   * static page or `vite dev`): the page falls back to the welcome card instead of retrying forever.
   * `holding`: the records this page already has of the run (its backlog).
   */
  connect(url: string, holding?: LiveClientOptions['holding']): void {
    if (!holding) this.#setLoading({ done: 0 });
    this.#live = new LiveClient({
      ...(holding ? { holding } : {}),
      url,
      connect: browserSocket,
      timers: this.clock,
      random: Math.random,
      onState: (s) => this.#liveState(s),
      onReset: (header) => {
        this.#backlog = { header, records: [] };
      },
      onRecords: (_from, records) => {
        if (!this.#backlog) return this.#append(records);
        for (const r of records) this.#backlog.records.push(r);
      },
      onReply: (r) => this.#layout.instructor?.reply(r),
    });
    if (!holding) {
      this.#helloSeen = false;
      this.#info = { mode: 'live', connection: 'connecting', behind: 0 };
      this.#header.update(this.#info);
    } else this.#helloSeen = true;
    this.#live.start();
  }

  /** Starts the animation loop. */
  start(): void {
    const loop = (now: number) => {
      this.#frame(now);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  #liveState(s: LiveState): void {
    if (s.header) this.#helloSeen = true;
    if (this.#backlog) this.#setLoading({ done: s.held, total: s.known });
    if (this.#backlog && (s.held >= s.known || s.connection === 'ended')) {
      const { header, records } = this.#backlog;
      this.#backlog = undefined;
      this.#reset(header, records);
    }
    if (!this.#helloSeen && s.connection === 'reconnecting') {
      this.#live?.stop();
      this.#live = undefined;
      this.#setLoading(undefined);
      this.#layout.showWelcome(!this.#model);
      this.#info = { mode: 'none', behind: 0 };
      this.#header.update(this.#info);
      return;
    }
    if (s.role) this.#layout.showInstructor(showsConsole(s));
    this.#info = liveInfo(s);
    this.#header.update(this.#info);
  }

  #reset(header: JournalHeader, records: readonly JournalRecord[]): void {
    const model = createJournalModel(header, records);
    this.#model = model;
    this.#phases = new PhaseMarkers(model.layout);
    for (const r of records) this.#phases.add(r);
    this.scene?.setLayout(model.layout);
    this.#selection = undefined;
    this.scene?.select(undefined);
    this.#playback = initialPlayback(this.#span());
    this.#revision++;
    this.#setLoading(undefined);
    this.#layout.showWelcome(false);
  }

  #setLoading(p: LoadProgress | undefined): void {
    this.#loading = p;
    this.#layout.progress(p);
  }

  #append(records: readonly JournalRecord[]): void {
    const m = this.#model;
    if (!m) return;
    for (const r of records) {
      m.append(r);
      this.#phases.add(r);
    }
    this.#revision++;
  }

  #span(): Span {
    const m = this.#model;
    const live = this.#info.mode === 'live' && this.#info.connection !== 'ended';
    return m ? { startMs: m.startMs, endMs: Math.max(m.startMs, m.endMs), live } : { startMs: 0, endMs: 0, live };
  }

  #inject(signal: InjectableSignal): string {
    if (this.#live) return this.#live.inject(signal);
    this.#layout.instructor?.reply({ type: 'refused', reason: 'no live connection' });
    return '';
  }

  #setPlayback(p: Playback): void {
    this.#playback = p;
    this.#layout.timeline.setPlayback(p, this.#span().live);
  }

  #key(e: KeyboardEvent): void {
    const target = e.target instanceof HTMLElement ? e.target.tagName : 'BODY';
    const cmd = commandFor(e.key, e.shiftKey, target, e.ctrlKey || e.metaKey || e.altKey);
    if (!cmd || !this.#model) return;
    e.preventDefault();
    const next = applyCommand(cmd, this.#playback, this.#span());
    if (next === 'clear-selection') this.select(undefined);
    else this.#setPlayback(next);
  }

  /** JS time of the last frame's parts (ms): model seek, panels, scene update; for benches and debugging. */
  frameStats(): FrameStats {
    return this.#stats;
  }

  #frame(now: number): void {
    // Loading: every core goes to the load (SwiftShader frames of an empty scene would take one).
    if (this.#loading) return;
    const t0 = this.clock.now();
    const dt = Number.isNaN(this.#last) ? 0 : Math.min(250, now - this.#last);
    this.#last = now;
    const m = this.#model;
    if (m) {
      const span = this.#span();
      const before = this.#playback;
      this.#playback = advance(before, dt, span);
      if (this.#playback.playing !== before.playing || this.#playback.follow !== before.follow) this.#layout.timeline.setPlayback(this.#playback, span.live);
      const sel = `${this.#selection?.kind}:${this.#selection?.key}`;
      const changed = this.#playback.t !== this.#shown.t || this.#revision !== this.#shown.revision || sel !== this.#shown.selection;
      if (changed) {
        this.#state = m.stateAt(this.#playback.t);
        const t1 = this.clock.now();
        this.scene?.update(this.#state);
        const t2 = this.clock.now();
        const ctx: ViewContext = { model: m, state: this.#state, t: this.#playback.t, selection: this.#selection, phases: this.#phases.list(), revision: this.#revision };
        const slow = !this.#playback.playing || now - this.#slowAt >= SLOW_PANEL_MS || sel !== this.#shown.selection || this.#revision !== this.#shown.revision;
        this.#layout.update(ctx, slow);
        if (slow) this.#slowAt = now;
        this.#stats = { seekMs: t1 - t0, sceneUpdateMs: t2 - t1, panelsMs: this.clock.now() - t2, totalMs: this.clock.now() - t0 };
        this.#shown = { t: this.#playback.t, revision: this.#revision, selection: sel };
      }
    }
    this.scene?.frame(now);
    if (m && !this.#ready) {
      this.#ready = true;
      performance.mark('kis:first-frame');
    }
  }
}
