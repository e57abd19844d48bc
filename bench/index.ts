// `npm run bench [-- name]`: runs every benchmark (or the one named) and prints its figures. Tests never
// assert on time; these do the measuring. Each bench is imported only when it runs.
const benches: Record<string, () => Promise<void>> = {
  api: async () => (await import('./api.bench.ts')).runApiBench(),
  'twin-sim': async () => (await import('./twin-sim.bench.ts')).runTwinSimBench(),
  run: async () => (await import('./run.bench.ts')).runRunBench(),
  hal: async () => (await import('./hal.bench.ts')).runHalBench(),
  mqtt: async () => (await import('./mqtt.bench.ts')).runMqttBench(),
  // The web view: journal load + seek (model, in Node), frame time in headless Chromium, bundle size.
  'web-load': async () => (await import('./web-load.bench.ts')).runWebLoadBench(),
  'web-frame': async () => (await import('./web-frame.bench.ts')).runWebFrameBench(),
  'web-bundle': async () => (await import('./web-bundle.bench.ts')).runWebBundleBench(),
};

const only = process.argv[2];
if (only && !(only in benches)) {
  console.error(`npm run bench: no benchmark "${only}"; there are: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
