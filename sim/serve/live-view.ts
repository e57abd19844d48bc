// The web view beside a run (`kis run --serve`, `kis serve`): a live hub fed by the runner, the instructor's
// injections handed to the run, and after the run the finished journal served until Ctrl-C.
import type { RunControl, LiveSink } from '../run/live.ts';
import { LiveHub } from './hub.ts';
import type { WebServer } from './server.ts';
import { openView, waitForStop, type ViewOptions } from './view.ts';

export interface LiveView {
  readonly server: WebServer;
  /** Spread into RunOptions: the journal to the hub, injections to the run. */
  readonly runOptions: { live: LiveSink; onStarted: (run: RunControl) => void };
  /** After the run: unless `stopNow`, keeps serving the finished journal until Ctrl-C (or `until`); then closes. */
  finish(stopNow: boolean, until?: Promise<unknown>): Promise<void>;
}

export async function startLiveView(o: ViewOptions & { onStarted?: (run: RunControl) => void }): Promise<LiveView> {
  const hub = new LiveHub('live');
  const server = await openView(hub, o);
  o.log(`kis: live view at ${server.url} (read-only)`);
  o.log(`     instructor: ${server.instructorUrl}`);
  o.log(`     scripts:    curl -H 'Authorization: Bearer ${server.instructorToken}' -d '{"type":"link","link":"…","state":"down"}' ${server.url}api/inject`);
  return {
    server,
    runOptions: {
      live: hub,
      onStarted: (run) => {
        hub.injector = run.inject;
        o.onStarted?.(run);
      },
    },
    async finish(stopNow, until) {
      if (!stopNow) {
        o.log(`kis: the run is over; still serving its journal at ${server.url} — press Ctrl-C to stop`);
        await (until ?? waitForStop());
      }
      await server.close();
    },
  };
}
