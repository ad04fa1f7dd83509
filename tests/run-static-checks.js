#!/usr/bin/env node
// `npm run test:static`: the typecheck, the lint and the format check, which each keep one
// core busy and share nothing, run two at a time instead of one after another (CI has two
// cores). Each one's output is printed whole when it ends, so the lines never interleave;
// the exit code is non-zero when any of them fails, and every one runs to the end.
import { spawn } from 'node:child_process';

const scripts = ['typecheck', 'lint', 'format:check'];
const atOnce = 2;

/** @param {string} script @returns {Promise<boolean>} true when it passed */
function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '--silent', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(`--- ${script}: ${code === 0 ? 'ok' : 'FAILED'} (${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

const waiting = [...scripts];
let failed = false;
await Promise.all(
  Array.from({ length: atOnce }, async () => {
    for (let script = waiting.shift(); script !== undefined; script = waiting.shift())
      if (!(await run(script))) failed = true;
  }),
);
process.exit(failed ? 1 : 0);
