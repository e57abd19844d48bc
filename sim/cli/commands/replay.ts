// `kis replay <journal>`: the web view on a recorded run. Exit 0 when stopped, 2 for bad input (missing or
// unreadable journal with its line number, bad flags, port in use).
import { ReplayInputError, replaySession } from '../../serve/replay-session.ts';
import { ViewError } from '../../serve/view.ts';
import { intFlag, UsageError, type Command } from '../command.ts';

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Open a recorded run (journal.ndjson) in the web view: the 3D vehicle, timeline, log and charts',
  usage: 'kis replay <journal> [--port N] [--host H] [--web DIR]',
  details: [
    'Serves the web view on the journal a run wrote (runs/<profile>-seed<N>/journal.ndjson) and prints its',
    'address; scrub the timeline to any instant. A replay is read-only: it refuses every injection.',
    'The web app is built from web/ first when web/dist is missing or older than its sources.',
    'Stop with Ctrl-C. Exit status: 0 when stopped, 2 bad input (journal missing or not a journal, with its line).',
  ].join('\n'),
  options: {
    port: { type: 'string', description: 'port to listen on (default 8080; 0 picks a free port)', valueName: 'N' },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1; 0.0.0.0 for other machines)', valueName: 'H' },
    web: { type: 'string', description: 'serve this built web app instead of web/dist (no build)', valueName: 'DIR' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one journal to replay');
    const port = intFlag(values.port, 'port', { min: 0, max: 65535 }) ?? 8080;
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    if (!host) throw new UsageError('--host must not be empty');
    try {
      return await replaySession({
        journalPath: positionals[0]!, port, host,
        ...(values.web !== undefined ? { webDir: values.web as string } : {}),
        log: (l) => console.log(l),
      });
    } catch (e) {
      if (e instanceof ReplayInputError || e instanceof ViewError) {
        console.error(`kis replay: ${e.message}`);
        return 2;
      }
      throw e;
    }
  },
};
