#!/usr/bin/env node
// Entry point for the `kis` command: loads TypeScript through tsx, then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
