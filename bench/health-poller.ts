/**
 * Asks `/api/health` over and over from a process of its own, until told to stop, and gives
 * back how long each answer took. The bench process that sends a 20 MB import holds the
 * export in memory and stalls for its own reasons (measured at ~170 ms); a poller in that
 * process would count its stalls as the server's.
 */
import { spawn } from 'node:child_process';

/** Plain JavaScript for `node -e`: no loader to start, nothing else on its event loop. */
const pollerSource = `
const { get } = require('node:http');
const url = process.argv[1];
const waits = [];
let stopping = false;
process.stdin.on('data', () => (stopping = true));
function ask() {
  const started = performance.now();
  get(url, { agent: false }, (response) => {
    response.resume();
    response.on('end', () => {
      waits.push(performance.now() - started);
      if (stopping) process.stdout.write(JSON.stringify(waits));
      else ask();
    });
  }).on('error', (error) => {
    process.stderr.write(String(error));
    process.exit(1);
  });
}
process.stdout.write('ready\\n');
ask();
`;

export interface HealthPoller {
  /** Stops asking; resolves with every wait, in milliseconds, in order. */
  stop(): Promise<number[]>;
}

export async function pollHealth(serverUrl: string): Promise<HealthPoller> {
  const child = spawn('node', ['-e', pollerSource, `${serverUrl}/api/health`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  while (!output.startsWith('ready\n')) {
    if (child.exitCode !== null) throw new Error('the health poller did not start');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    async stop() {
      child.stdin.end('stop\n');
      await closed;
      return JSON.parse(output.slice('ready\n'.length)) as number[];
    },
  };
}
