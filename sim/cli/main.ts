// The `kis` command line: parses arguments and calls into the modules. Nothing else lives here.
import { applyHeapPolicy } from '../core/index.ts';
import { commandHelp, parseCommandArgs, UsageError, type Command } from './command.ts';
import { twinCommand } from './commands/twin.ts';
import { startCommand } from './commands/start.ts';
import { validateCommand } from './commands/validate.ts';
import { imagesCommand } from './commands/images.ts';
import { switchboxCommand } from './commands/switchbox.ts';
import { runCommand } from './commands/run.ts';
import { halCommand } from './commands/hal.ts';
import { replayCommand } from './commands/replay.ts';
import { serveCommand } from './commands/serve.ts';

const COMMANDS: Command[] = [startCommand, runCommand, replayCommand, serveCommand, twinCommand, halCommand, validateCommand, imagesCommand, switchboxCommand];

export function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'kis — Kubernetes in Space: a hardware-in-the-loop simulator and digital twin for clusters that fly.',
    '',
    'Usage: kis <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "Run 'kis <command> --help' for a command's options.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    console.log(topic ? commandHelp(topic) : topLevelHelp());
    return 0;
  }
  if (name === '--version') {
    console.log('kis 0.1.0');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    console.error(`kis: unknown command "${name}"\n\n${topLevelHelp()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(cmd));
    return 0;
  }
  try {
    // Before anything big is allocated: the twin, a run or a replay's journal (sim/core/heap-policy.ts).
    applyHeapPolicy();
  } catch (e) {
    console.error(`kis: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    return await cmd.run(parseCommandArgs(cmd, rest));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`kis ${cmd.name}: ${e.message}\nUsage: ${cmd.usage}\nRun 'kis ${cmd.name} --help' for details.`);
      return 2;
    }
    throw e;
  }
}
