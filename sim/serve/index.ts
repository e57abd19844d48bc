// sim/serve: the web view's server — static app, the /live WebSocket hub, instructor injections.
export { LiveHub, type HubOptions, type Injector } from './hub.ts';
export { startWebServer, type WebServer, type WebServerOptions } from './server.ts';
export { ensureWebBuild, webBuildStale, WEB_DIST, WEB_ROOT } from './web-build.ts';
export { resolveStatic, contentType, type StaticTarget } from './static-files.ts';
export { parseClientMessage, type ParsedClientMessage } from './messages.ts';
export { newToken, tokenMatches, bearerToken } from './token.ts';
export { INJECT_PATH } from './inject-api.ts';
export { journalFromBytes, loadJournal, replayHub, ReplayInputError, type LoadedJournal } from './replay-session.ts';
