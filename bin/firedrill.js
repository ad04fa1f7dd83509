#!/usr/bin/env node
// The `firedrill` command. Node 20 cannot run TypeScript by itself, so tsx's loader is
// registered first: the command works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

// `firedrill simulate … | head -1`: a reader that stopped reading is not a failure of ours.
// Leave quietly, as Unix tools do, instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
