// web/ui: the page around the 3D scene — header, timeline, panels, charts, instructor console — and
// the host that feeds them a journal (file, URL or the live socket).
export { App } from './app.ts';
export type { FrameStats } from './app.ts';
export { browserClock } from './browser-clock.ts';
export type { BrowserClock } from './browser-clock.ts';
export { fetchJournal, journalParam, readFile } from './journal-input.ts';
export type { JournalText } from './journal-input.ts';
export type { SceneLike } from './scene-host.ts';
export type { Subject, ViewContext, Panel, HostActions } from './panel.ts';
export { formatMissionClock, formatShortTime } from './mission-time.ts';
export { SPEEDS, advance, goLive, initialPlayback, seek, step, togglePlay } from './playback.ts';
export type { Playback, Span, Speed } from './playback.ts';
