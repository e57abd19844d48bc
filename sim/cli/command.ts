// The shape of a CLI command and the shared argument parsing (node:util parseArgs, strict).
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string; valueName?: string };

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Longer explanation shown by `kis <cmd> --help`. */
  details?: string;
  options: Record<string, OptionSpec>;
  allowPositionals?: boolean;
  run(args: ParsedArgs): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** Thrown for bad flags or values: the CLI prints the message and the usage line, and exits 2. */
export class UsageError extends Error {}

export function parseCommandArgs(cmd: Command, argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(cmd.options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: cmd.allowPositionals ?? false, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function commandHelp(cmd: Command): string {
  const lines = [`Usage: ${cmd.usage}`, '', cmd.summary];
  if (cmd.details) lines.push('', cmd.details);
  const opts = Object.entries(cmd.options);
  if (opts.length) {
    lines.push('', 'Options:');
    const rows = opts.map(([name, o]) => {
      const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
      return [flag, o.description] as const;
    });
    const width = Math.max(...rows.map(([f]) => f.length)) + 2;
    for (const [flag, desc] of rows) lines.push(`  ${flag.padEnd(width)}${desc}`);
  }
  return lines.join('\n');
}

/** Parses a positive integer flag value or throws a UsageError naming the flag. */
export function intFlag(value: unknown, flag: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${String(value)}"`);
  return n;
}

export function numberFlag(value: unknown, flag: string, { min = 0, max = Number.MAX_VALUE, exclusiveMin = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || (exclusiveMin && n === min) || n > max) {
    throw new UsageError(`--${flag} must be a number ${exclusiveMin ? 'above' : 'from'} ${min}${max < Number.MAX_VALUE ? ` to ${max}` : ''}, got "${String(value)}"`);
  }
  return n;
}
