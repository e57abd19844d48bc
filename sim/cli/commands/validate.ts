// `kis validate <profile>…`: check flight profiles; every error as file:line:col: message.
import { loadProfile, ProfileLoadError, formatErrors } from '../../profile/index.ts';
import { UsageError, type Command } from '../command.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check flight profiles and list every error as file:line:col: message',
  usage: 'kis validate <profile.yaml>…',
  details: 'Exit status: 0 when every profile is valid, 2 when any has an error (all errors of all files are listed).',
  options: {
    quiet: { type: 'boolean', short: 'q', description: 'print nothing for valid profiles' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length === 0) throw new UsageError('name at least one profile to validate');
    let failed = 0;
    for (const file of positionals) {
      try {
        const p = loadProfile(file);
        if (!values.quiet) {
          console.log(
            `${file}: ok — ${p.metadata.name}: ${p.vehicle.stages.length} stage(s), ${p.vehicle.nodes.length} node(s), ` +
              `${p.workloads.length} workload(s), ${p.timeline.length} timeline event(s), ${p.expectations.length} expectation(s)`,
          );
        }
      } catch (e) {
        if (!(e instanceof ProfileLoadError)) throw e;
        failed++;
        console.error(formatErrors(e.errors));
      }
    }
    if (failed && positionals.length > 1) console.error(`${failed} of ${positionals.length} profiles have errors`);
    return failed ? 2 : 0;
  },
};
