// `npm run bench`: runs every benchmark and prints its figures. Tests never assert on time; these do the measuring.
import { runApiBench } from './api.bench.ts';
import { runMqttBench } from './mqtt.bench.ts';
import { runTwinSimBench } from './twin-sim.bench.ts';
import { runRunBench } from './run.bench.ts';
import { runHalBench } from './hal.bench.ts';

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = { api: runApiBench, 'twin-sim': runTwinSimBench, run: runRunBench, hal: runHalBench, mqtt: runMqttBench };
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
