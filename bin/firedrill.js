#!/usr/bin/env node
// The `firedrill` command. Node 20 cannot run TypeScript by itself, so tsx's loader is
// registered first: the command works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
