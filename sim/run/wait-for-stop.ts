// Long-running sessions (`kis twin`, `kis serve`, `kis replay`) end on the first SIGINT or SIGTERM.

/** Resolves with the signal's name ("SIGINT" or "SIGTERM") on the first of them; the handlers are then removed. */
export function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
