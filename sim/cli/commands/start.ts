// `kis start` (what `npm start` runs): the main job for a new user — the Falcon 9-like flight profile played
// against the embedded twin, judged, and reported; then where to look and what to try next.
import { fileURLToPath } from 'node:url';
import { loadProfile } from '../../profile/index.ts';
import { prepareRunDir } from '../../run/run-dir.ts';
import type { Command } from '../command.ts';
import { runCommand } from './run.ts';

// Resolved from the package, so `kis start` works from any directory.
const SAMPLE_PATH = fileURLToPath(new URL('../../../profiles/falcon9-leo.yaml', import.meta.url));

export const startCommand: Command = {
  name: 'start',
  summary: 'What `npm start` runs: the Falcon 9-like flight profile on the embedded twin, with its report',
  usage: 'kis start',
  details: 'Runs `kis run profiles/falcon9-leo.yaml` (lockstep, seed from the profile) and prints where the journal and reports are.',
  options: { help: { type: 'boolean', short: 'h', description: 'show this help' } },
  async run() {
    // The run directory is chosen here so the next steps can name its journal.
    const profile = loadProfile(SAMPLE_PATH);
    const outDir = prepareRunDir(undefined, profile.metadata.name, profile.cluster.seed);
    const code = await runCommand.run({ values: { out: outDir }, positionals: [SAMPLE_PATH] });
    const next = [
      [`kis replay ${outDir}/journal.ndjson`, 'watch this run in the 3D web view'],
      ['kis serve', 'fly it live: instructor console, kubectl for trainees'],
      ['kis run <profile>', 'play another profile (see profiles/)'],
      ['kis twin --profile profiles/falcon9-leo.yaml', 'serve this vehicle live, for kubectl'],
      ['kis --help', 'every command'],
    ] as const;
    const width = Math.max(...next.map(([c]) => c.length)) + 3;
    console.log('\nNext:');
    for (const [command, what] of next) console.log(`  ${command.padEnd(width)}${what}`);
    return code;
  },
};
